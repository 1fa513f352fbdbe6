import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The header an EHR or integration engine signs its webhook calls with. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Carepath-Signature';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with FHIR_WEBHOOK_SECRET>`. */
export function signWebhookBody(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks a presented signature in constant time: both sides are hashed to equal length first,
 * so neither the length nor the first differing byte shows in the time taken.
 */
export function verifyWebhookSignature(body: Buffer, presented: string, secret: string): boolean {
  const expected = digest(signWebhookBody(body, secret));
  return timingSafeEqual(expected, digest(presented.trim().toLowerCase()));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
