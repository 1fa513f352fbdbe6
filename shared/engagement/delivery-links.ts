import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryChannel } from '../../contracts/delivery-channels';

export interface DeliveryLinks {
  /** A link that opts the patient out of a channel in one click, without signing in. */
  unsubscribeUrl(patientRef: string, channel: DeliveryChannel): string;
  /**
   * Where the SMS provider posts the status changes of one message. It names our own message id,
   * because the provider's first callback can arrive before its answer to the send is recorded.
   */
  smsStatusCallbackUrl(outreachMessageId: string): string;
}

export interface UnsubscribeClaim {
  patientRef: string;
  channel: DeliveryChannel;
}

export const UNSUBSCRIBE_PATH = '/api/engagement/unsubscribe';
export const SMS_STATUS_PATH = '/api/engagement/sms/status';
export const SMS_INBOUND_PATH = '/api/engagement/sms/inbound';
export const SMS_STATUS_MESSAGE_PARAM = 'message';

/**
 * Links that reach the API from outside (a mail client, the SMS provider). The unsubscribe token
 * names only the pseudonymous patient reference and the channel, signed with a keyed hash so
 * nobody can opt out someone else.
 */
export function createDeliveryLinks(publicBaseUrl: string, signingKey: string): DeliveryLinks {
  const base = publicBaseUrl.replace(/\/$/, '');
  return {
    unsubscribeUrl: (patientRef, channel) =>
      `${base}${UNSUBSCRIBE_PATH}?token=${signUnsubscribeToken({ patientRef, channel }, signingKey)}`,
    smsStatusCallbackUrl: (outreachMessageId) =>
      `${base}${SMS_STATUS_PATH}?${SMS_STATUS_MESSAGE_PARAM}=${encodeURIComponent(outreachMessageId)}`,
  };
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, signingKey: string): string {
  const payload = Buffer.from(`${claim.patientRef}:${claim.channel}`, 'utf8').toString('base64url');
  return `${payload}.${signature(payload, signingKey)}`;
}

export function verifyUnsubscribeToken(token: string, signingKey: string): UnsubscribeClaim | null {
  const [payload, given] = token.split('.');
  if (!payload || !given) return null;
  const expected = Buffer.from(signature(payload, signingKey));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const [patientRef, channel] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!patientRef || !channel) return null;
  return { patientRef, channel: channel as DeliveryChannel };
}

function signature(payload: string, signingKey: string): string {
  return createHmac('sha256', signingKey).update(`unsubscribe:${payload}`).digest('base64url');
}
