import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-payload-codec';
import type { PayloadEncryptionKeys } from './encryption-keys';

/** Failure messages encoded too (see encoded-failure-converter); bundles of workflow code need it. */
export const ENCODED_FAILURE_CONVERTER_PATH = require.resolve('./encoded-failure-converter');

/** The data converter every Carepath client and worker uses: payloads and failures encrypted. */
export function journeyDataConverter(keys: PayloadEncryptionKeys): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(keys)],
    failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
  };
}
