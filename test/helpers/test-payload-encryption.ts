import { defaultPayloadConverter, type DataConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../../shared/payload-encryption/aes-gcm-payload-codec';
import {
  parsePayloadEncryptionKeys,
  type PayloadEncryptionKeys,
} from '../../shared/payload-encryption/encryption-keys';
import { journeyDataConverter } from '../../shared/payload-encryption/journey-data-converter';

/**
 * Tests run every journey encrypted, as production does, with fixed keys: a recorded history can
 * then be replayed (and read) by the next run. The second key only decrypts, as after a rotation.
 */
export const TEST_PAYLOAD_ENCRYPTION_KEYS =
  'test-2026b=' +
  Buffer.alloc(32, 7).toString('base64') +
  ',test-2026a=' +
  Buffer.alloc(32, 3).toString('base64');

export const testPayloadKeys: PayloadEncryptionKeys = parsePayloadEncryptionKeys(
  TEST_PAYLOAD_ENCRYPTION_KEYS,
);

export const testDataConverter: DataConverter = journeyDataConverter(testPayloadKeys);

const testCodec = new AesGcmPayloadCodec(testPayloadKeys);

/** A payload as the Temporal server stores it (e.g. from `fetchHistory`), decrypted and parsed. */
export async function readStoredPayload<T>(payload: Payload): Promise<T> {
  const [clear] = await testCodec.decode([payload]);
  return defaultPayloadConverter.fromPayload<T>(clear!);
}
