import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  formatPayloadEncryptionKey,
  parsePayloadEncryptionKeys,
  type PayloadEncryptionKeys,
} from '../shared/payload-encryption/encryption-keys';

/*
 * Development mode has secrets too, and none of them is in the source: each is generated at
 * random on first use and kept in the local data folder (never committed, 0700 / 0600), so the
 * processes of one `npm start` share them across restarts, and nobody else on the network can
 * forge what they sign (codec sessions, unsubscribe links, SMS webhooks) or reverse the patient
 * pseudonyms of this installation.
 */

/** The secret named `name` of this data folder: read, or generated once and kept. */
export function developmentSecret(dataDir: string, name: string, generate: () => string): string {
  const file = join(dataDir, 'secrets', name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: linking fails if the file exists, so when the API and
  // the worker start together one secret wins and nobody reads a half-written file.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${generate()}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, 'utf8').trim();
}

/** 32 random bytes, base64url: a key for an HMAC or a token. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Development encrypts histories too, with a generated key, so the local Temporal database holds ciphertext. */
export function developmentPayloadKeys(dataDir: string): PayloadEncryptionKeys {
  return parsePayloadEncryptionKeys(
    developmentSecret(dataDir, 'payload-encryption-keys', () =>
      formatPayloadEncryptionKey({ id: `dev-${Date.now()}`, key: randomBytes(32) }),
    ),
  );
}

/** The keyed-hash secret of patient pseudonyms; codec sessions and unsubscribe links derive from it. */
export function developmentPseudonymKey(dataDir: string): string {
  return developmentSecret(dataDir, 'pseudonym-key', randomSecret);
}
