import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentPayloadKeys } from './development-payload-key';
import { loadConfig } from './app-config';

describe('development payload key', () => {
  test('generated once into the data folder, readable by the owner only, and reused after', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carepath-data-'));
    const first = developmentPayloadKeys(dataDir);
    const file = join(dataDir, 'secrets', 'payload-encryption-keys');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`${first.active.id}=`);

    const again = developmentPayloadKeys(dataDir);
    expect(again.active.key.equals(first.active.key)).toBe(true);
  });

  test('the API and the worker of one data folder get the same key from loadConfig', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carepath-data-'));
    const api = loadConfig({ CAREPATH_DATA_DIR: dataDir }).payloadEncryption.active;
    const worker = loadConfig({ CAREPATH_DATA_DIR: dataDir }).payloadEncryption.active;
    expect(worker.key.equals(api.key)).toBe(true);
  });

  test('production never generates one: the key must be configured', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        API_KEYS: `operator=${'o'.repeat(32)}`,
        PSEUDONYM_KEY: 'p'.repeat(32),
        DATABASE_URL: 'postgres://db/carepath',
        PUBLIC_BASE_URL: 'https://care.example.org',
      }),
    ).toThrow('NODE_ENV=production needs PAYLOAD_ENCRYPTION_KEYS');
  });
});
