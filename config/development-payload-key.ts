import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  formatPayloadEncryptionKey,
  parsePayloadEncryptionKeys,
  type PayloadEncryptionKeys,
} from '../activities/payload-encryption/encryption-keys';

/**
 * Development mode encrypts too, with a key generated on first use and kept in the local data
 * folder (never committed), so the API and the worker of `npm start` share it across restarts
 * and the local Temporal database holds ciphertext exactly as production's would.
 */
export function developmentPayloadKeys(dataDir: string): PayloadEncryptionKeys {
  const file = join(dataDir, 'secrets', 'payload-encryption-keys');
  try {
    return parsePayloadEncryptionKeys(readFileSync(file, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generated = formatPayloadEncryptionKey({ id: `dev-${Date.now()}`, key: randomBytes(32) });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: linking fails if the file exists, so when the API and
  // the worker start together one key wins and nobody reads a half-written file.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${generated}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return parsePayloadEncryptionKeys(readFileSync(file, 'utf8').trim());
}
