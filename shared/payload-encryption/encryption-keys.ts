import { createHash } from 'node:crypto';

/** One AES-256 key and the id written next to every payload it encrypts. */
export interface PayloadEncryptionKey {
  id: string;
  key: Buffer;
}

/**
 * The keys a process encrypts and decrypts with. The first encrypts everything new; all of them
 * decrypt, so a key can be rotated in by putting the new one first and retired once no running
 * journey's history still needs it.
 */
export interface PayloadEncryptionKeys {
  active: PayloadEncryptionKey;
  all: readonly PayloadEncryptionKey[];
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses `PAYLOAD_ENCRYPTION_KEYS`: comma-separated `id=<32 bytes in base64>` pairs, newest first.
 * Messages name the key id or position, never key material.
 */
export function parsePayloadEncryptionKeys(value: string): PayloadEncryptionKeys {
  const all = value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair, index) => {
      const separator = pair.indexOf('=');
      const id = pair.slice(0, separator);
      if (separator <= 0 || !KEY_ID.test(id)) {
        throw new Error(
          `PAYLOAD_ENCRYPTION_KEYS: entry ${index + 1} needs the form <key id>=<base64 key>; ids use letters, digits, . _ -.`,
        );
      }
      const key = Buffer.from(pair.slice(separator + 1), 'base64');
      if (key.length !== 32) {
        throw new Error(
          `PAYLOAD_ENCRYPTION_KEYS: key "${id}" is ${key.length} bytes; AES-256 needs 32 (base64 of 32 random bytes).`,
        );
      }
      return { id, key };
    });
  if (all.length === 0) throw new Error('PAYLOAD_ENCRYPTION_KEYS: no keys configured.');
  const ids = new Set(all.map((entry) => entry.id));
  if (ids.size !== all.length) throw new Error('PAYLOAD_ENCRYPTION_KEYS: a key id appears twice.');
  return { active: all[0]!, all };
}

export function formatPayloadEncryptionKey(key: PayloadEncryptionKey): string {
  return `${key.id}=${key.key.toString('base64')}`;
}

/** A stable, non-secret label for a key (for logs): its id and a short hash of the key. */
export function describePayloadEncryptionKey(key: PayloadEncryptionKey): string {
  return `${key.id} (sha256 ${createHash('sha256').update(key.key).digest('hex').slice(0, 8)})`;
}
