import twilio from 'twilio';

export interface TwilioWebhookRequest {
  /** The account's auth token: Twilio signs every webhook with it. */
  authToken: string;
  /** The `X-Twilio-Signature` header; missing means unsigned. */
  signature: string | undefined;
  /** The full URL Twilio was told to call, exactly as configured (scheme, host, port, query). */
  url: string;
  /** The form-encoded POST parameters, as parsed. */
  params: Record<string, string>;
}

/**
 * Whether an inbound-message or status-callback webhook really comes from Twilio: the signature
 * is an HMAC over the URL and the sorted parameters, so a changed parameter fails it.
 */
export function verifyTwilioSignature(request: TwilioWebhookRequest): boolean {
  if (!request.signature) return false;
  return twilio.validateRequest(request.authToken, request.signature, request.url, request.params);
}
