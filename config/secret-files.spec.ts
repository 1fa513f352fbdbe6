import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSecretFiles } from './secret-files';

describe('loadSecretFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-secrets-'));

  test('a secret given as <NAME>_FILE is read from that file, trimmed', () => {
    writeFileSync(join(dir, 'api-keys'), 'operator=from-a-file\n');
    const env: NodeJS.ProcessEnv = { API_KEYS_FILE: join(dir, 'api-keys') };
    loadSecretFiles(env);
    expect(env.API_KEYS).toBe('operator=from-a-file');
  });

  test('both forms at once are refused rather than one silently winning', () => {
    const env: NodeJS.ProcessEnv = { PSEUDONYM_KEY: 'a', PSEUDONYM_KEY_FILE: join(dir, 'api-keys') };
    expect(() => loadSecretFiles(env)).toThrow('PSEUDONYM_KEY and PSEUDONYM_KEY_FILE are both set');
  });

  test('an unreadable file is named with its error code, not its content', () => {
    const env: NodeJS.ProcessEnv = { PAYLOAD_ENCRYPTION_KEYS_FILE: join(dir, 'missing') };
    expect(() => loadSecretFiles(env)).toThrow(
      `PAYLOAD_ENCRYPTION_KEYS_FILE: cannot read ${join(dir, 'missing')} (ENOENT).`,
    );
  });

  test('settings that are not secrets are not read from files', () => {
    const env: NodeJS.ProcessEnv = { API_PORT_FILE: join(dir, 'api-keys') };
    loadSecretFiles(env);
    expect(env.API_PORT).toBeUndefined();
  });
});
