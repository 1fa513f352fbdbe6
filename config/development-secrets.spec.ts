import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentPayloadKeys, developmentPseudonymKey } from './development-secrets';
import { loadConfig } from './app-config';

describe('development secrets', () => {
  test('generated once into the data folder, readable by the owner only, and reused after', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carepath-data-'));
    const first = developmentPayloadKeys(dataDir);
    const file = join(dataDir, 'secrets', 'payload-encryption-keys');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`${first.active.id}=`);

    const again = developmentPayloadKeys(dataDir);
    expect(again.active.key.equals(first.active.key)).toBe(true);
  });

  test('the pseudonym key is random per data folder, kept 0600 in a 0700 folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carepath-data-'));
    const key = developmentPseudonymKey(dataDir);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(developmentPseudonymKey(dataDir)).toBe(key);
    expect(statSync(join(dataDir, 'secrets', 'pseudonym-key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(developmentPseudonymKey(mkdtempSync(join(tmpdir(), 'carepath-data-')))).not.toBe(key);
  });

  test('the API and the worker of one data folder get the same key from loadConfig', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carepath-data-'));
    const env = { CAREPATH_MODE: 'development', CAREPATH_DATA_DIR: dataDir };
    const api = loadConfig(env).payloadEncryption.active;
    const worker = loadConfig(env).payloadEncryption.active;
    expect(worker.key.equals(api.key)).toBe(true);
  });

  test('production never generates one: the key must be configured', () => {
    expect(() =>
      loadConfig({
        CAREPATH_MODE: 'production',
        API_KEYS: `operator=${'o'.repeat(32)}`,
        PSEUDONYM_KEY: 'p'.repeat(32),
        DATABASE_URL: 'postgres://db/carepath',
        PUBLIC_BASE_URL: 'https://care.example.org',
      }),
    ).toThrow('CAREPATH_MODE=production needs PAYLOAD_ENCRYPTION_KEYS');
  });
});
