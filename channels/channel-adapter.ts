/**
 * The boundary between the engagement layer and a provider. One folder per channel implements
 * it; the delivery activity owns consent, quiet hours, the frequency cap and the send-once log,
 * so an adapter only speaks its provider's protocol.
 */

export interface RenderedMessage {
  /** Email subject and portal title; other channels ignore it. */
  subject?: string;
  text: string;
  /** Email only. */
  html?: string;
}

export interface OutboundMessage {
  /** The outreach log row of this attempt: unique per journey step and channel. */
  messageId: string;
  /** Stable per journey step and channel; passed to the provider where it takes one. */
  idempotencyKey: string;
  /** Email address, E.164 phone number or, for the portal and staff channels, the patient reference. */
  to: string;
  content: RenderedMessage;
  /** Email: the one-click unsubscribe link (List-Unsubscribe, RFC 8058). */
  unsubscribeUrl?: string;
  /** SMS: where the provider posts delivery status changes. */
  statusCallbackUrl?: string;
  /** Staff channels (call, letter): the journey the task belongs to, and its priority. */
  journeyId?: string;
  urgent?: boolean;
}

export type SendOutcome =
  /** The provider took the message; later status callbacks may still report it failed. */
  | { status: 'sent'; providerMessageId: string; providerStatus?: string }
  /**
   * The provider refused it for good (invalid number, mailbox does not exist, recipient
   * unsubscribed at the carrier): retrying cannot help, the next channel should be tried.
   * `optedOut` marks a refusal because the recipient opted out with the provider.
   */
  | { status: 'rejected'; code: string; reason: string; optedOut?: boolean };

/**
 * A transient failure where the provider certainly did not take the message (it refused the
 * connection, or answered an error before accepting anything): the retry may send again.
 * Any other error leaves the attempt in doubt, and the retry asks `findSent` first.
 */
export class NotSentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotSentError';
  }
}

export interface ChannelAdapter {
  /** Its module's name: a `DeliveryChannel`, or a channel registered at runtime (channel-module.ts). */
  readonly channel: string;
  /** Sends once. Throws on a transient fault (network, 4xx SMTP, 429/5xx), so the activity retries. */
  send(message: OutboundMessage): Promise<SendOutcome>;
  /**
   * After a crash between the provider call and the log update, asks the provider which messages
   * it took that could be this one: same address, same content, created at or after `since`;
   * oldest first, empty when it took none. Copies another attempt sent (a shared phone, the same
   * text) are listed too: the delivery activity tells them apart by the provider ids its log
   * already holds. Adapters whose provider cannot answer leave this out, and the delivery is
   * marked uncertain instead of being sent a second time.
   */
  findSent?(message: OutboundMessage, since: Date): Promise<ProviderCopy[]>;
}

/** A message the provider holds, as `findSent` lists it. */
export interface ProviderCopy {
  providerMessageId: string;
}
