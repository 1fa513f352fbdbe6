import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { isLoopbackHost } from '../../config/loopback';
import { keepDataPrivate } from '../../scripts/dev-stack/private-data-dir';

/*
 * Security regressions (issue "Secure by default", findings 1 and 9): a development install is as
 * safe on a shared network as production: the mode is explicit, the API stays on loopback, no
 * secret comes from the source, and what the stack writes is closed to other users.
 */
describe('security: development mode on a shared network', () => {
  const fresh = () => ({
    CAREPATH_MODE: 'development',
    CAREPATH_DATA_DIR: mkdtempSync(join(tmpdir(), 'cp-dev-')),
  });

  test('a misspelt or missing mode refuses to start instead of falling back to demo keys', () => {
    for (const env of [
      {},
      { NODE_ENV: 'production' },
      { CAREPATH_MODE: 'prod' },
      { CAREPATH_MODE: 'Production' },
    ]) {
      expect(() => loadConfig(env)).toThrow(/CAREPATH_MODE/);
    }
  });

  test('development listens on loopback unless told otherwise', () => {
    expect(isLoopbackHost(loadConfig(fresh()).api.host)).toBe(true);
  });

  test('no development secret is in the source: two installations share none', () => {
    const [first, second] = [loadConfig(fresh()), loadConfig(fresh())];
    expect(first.pseudonymKey).not.toBe(second.pseudonymKey);
    expect(first.payloadEncryption.active.key.equals(second.payloadEncryption.active.key)).toBe(false);
    // The constants the first release shipped are gone from every tracked file (spelt in pieces
    // here, so this file does not hold them).
    expect(trackedFilesHolding(['dev-only-' + 'pseudonym-key', 'dev-sms-' + 'sink-auth-token'])).toEqual([]);
  });

  test('what the stack writes under its data folder is closed to other users', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'cp-private-')), 'data');
    const umask = process.umask();
    try {
      keepDataPrivate(dataDir);
      mkdirSync(join(dataDir, 'outbox'));
      writeFileSync(join(dataDir, 'outbox', 'sms.jsonl'), '{}\n');
    } finally {
      process.umask(umask);
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'outbox')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'outbox', 'sms.jsonl')).mode & 0o777).toBe(0o600);
  });
});

function trackedFilesHolding(needles: string[]): string[] {
  try {
    const found = execFileSync('git', ['grep', '-l', ...needles.flatMap((needle) => ['-e', needle])], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    return found.split('\n').filter(Boolean);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}
