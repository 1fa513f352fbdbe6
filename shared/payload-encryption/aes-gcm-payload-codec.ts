import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadEncryptionKey, PayloadEncryptionKeys } from './encryption-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID_METADATA = 'encryption-key-id';
export const ENCRYPTION_CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encrypts every payload (inputs, results, signals, queries, failure details, memos) before it
 * leaves the process, so the Temporal server and anyone reading its database see ciphertext.
 *
 * The whole payload (metadata and data) is serialized and sealed with AES-256-GCM under a fresh
 * 96-bit IV; the key id travels in clear metadata so the right key is picked on the way back, and
 * is bound as additional authenticated data so a payload cannot be relabelled to another key.
 * Payloads without the encrypted encoding (histories written before encryption was turned on)
 * pass through unchanged, so running journeys keep working across the switch.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keysById: Map<string, PayloadEncryptionKey>;

  constructor(private readonly keys: PayloadEncryptionKeys) {
    this.keysById = new Map(keys.all.map((key) => [key.id, key]));
  }

  // async: a payload that cannot be decrypted rejects the promise instead of throwing at the caller.
  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.keys.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(encoder.encode(id));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: encoder.encode(ENCRYPTED_ENCODING),
        [ENCRYPTION_CIPHER_METADATA]: encoder.encode(CIPHER),
        [ENCRYPTION_KEY_ID_METADATA]: encoder.encode(id),
      },
      data: new Uint8Array(sealed),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyIdBytes = payload.metadata?.[ENCRYPTION_KEY_ID_METADATA];
    const keyId = keyIdBytes ? decoder.decode(keyIdBytes) : '';
    const key = this.keysById.get(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        `payload encrypted with key "${keyId}", which is not among PAYLOAD_ENCRYPTION_KEYS`,
      );
    }
    const sealed = payload.data ?? new Uint8Array();
    if (sealed.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError('encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(encoder.encode(key.id));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(`payload under key "${keyId}" failed authentication`);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}
