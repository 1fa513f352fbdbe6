import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import {
  type ChannelAdapter,
  NotSentError,
  type OutboundMessage,
  type ProviderCopy,
  type SendOutcome,
} from '../channel-adapter';
import { type SmsSettings, TWILIO_API_BASE_URL } from './sms-settings';

/** Twilio's RestException, and the RFC 9457 exception newer endpoints answer with. */
interface TwilioError extends Error {
  /** HTTP status: present whenever Twilio answered. */
  status?: number;
  /** Twilio's error code (21211...), or a socket error code (ECONNRESET...) when it did not answer. */
  code?: number | string;
}

/**
 * Error codes that mean this number cannot get this message, however often it is retried.
 * 300xx codes usually arrive later, in status callbacks, but Twilio may also answer them at once.
 */
const permanentRefusals: Record<number, { reason: string; optedOut?: true }> = {
  21211: { reason: 'The To number is not a valid phone number.' },
  21408: { reason: 'Sending to this region is not enabled for the account.' },
  21610: { reason: 'The recipient replied STOP to this sender.', optedOut: true },
  21612: { reason: 'Twilio cannot route a message to this number.' },
  21614: { reason: 'The To number is not a mobile number.' },
  30003: { reason: 'The handset is unreachable.' },
  30005: { reason: 'The number is unknown or no longer in service.' },
  30006: { reason: 'The number is a landline or its carrier cannot receive SMS.' },
};

// Failures to reach Twilio at all; a reset or timeout later on may come after it took the message.
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** SMS through Twilio's Messages API (or anything at `apiBaseUrl` that speaks it). */
export function createTwilioSmsAdapter(settings: SmsSettings): ChannelAdapter {
  const client = twilio(
    settings.accountSid,
    settings.authToken,
    settings.apiBaseUrl === TWILIO_API_BASE_URL
      ? {}
      : { httpClient: rebasedRequestClient(settings.apiBaseUrl) },
  );

  return {
    channel: 'sms',
    async send(message: OutboundMessage): Promise<SendOutcome> {
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.content.text,
          ...settings.sender,
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        });
        return { status: 'sent', providerMessageId: created.sid, providerStatus: created.status };
      } catch (error) {
        const twilioError = error as TwilioError;
        const refusal =
          typeof twilioError.code === 'number' ? permanentRefusals[twilioError.code] : undefined;
        if (refusal) return { status: 'rejected', code: `twilio-${twilioError.code}`, ...refusal };
        if (certainlyNotCreated(twilioError)) {
          throw new NotSentError(withoutNumber(twilioError.message, message.to), { cause: error });
        }
        throw error;
      }
    },
    /**
     * Twilio takes no idempotency key for outbound messages, so the only trace of an earlier
     * attempt is the message itself: one from our sender to the same number, with the same text
     * (a journey step's text is rendered once and stored, so a retry sends it byte for byte),
     * created since the attempt began. Twilio filters by send date and stamps creation to the
     * second, so `since` is compared by the second. Twilio does not document whether a message
     * still queued (no send date yet) is listed.
     */
    async findSent(message: OutboundMessage, since: Date): Promise<ProviderCopy[]> {
      const sinceSecond = Math.floor(since.getTime() / 1000) * 1000;
      const listed = await client.messages.list({
        to: message.to,
        // A Messaging Service picks its number only when it sends, so only a From number narrows the list.
        ...('from' in settings.sender ? { from: settings.sender.from } : {}),
        dateSentAfter: since,
      });
      return listed
        .filter(
          (candidate) =>
            candidate.body === message.content.text && candidate.dateCreated.getTime() >= sinceSecond,
        )
        .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime())
        .map((candidate) => ({ providerMessageId: candidate.sid }));
    },
  };
}

/**
 * Twilio answered with an error (4xx: it refused; it creates nothing before it validates), or
 * could not be reached. A 5xx, a reset or a timeout may have followed the message's creation.
 */
function certainlyNotCreated(error: TwilioError): boolean {
  if (error.status !== undefined) return error.status < 500;
  return typeof error.code === 'string' && unreachableCodes.has(error.code);
}

function withoutNumber(text: string, phoneNumber: string): string {
  return text.split(phoneNumber).join('<recipient>');
}

/**
 * The official client always calls https://api.twilio.com; this one sends those requests to
 * `apiBaseUrl` instead, so the same code path runs against the local sink. A subclass rather
 * than a wrapper object because the client's options type asks for a RequestClient.
 */
function rebasedRequestClient(apiBaseUrl: string): RequestClient {
  return new (class extends RequestClient {
    override request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const uri = opts.uri.startsWith(TWILIO_API_BASE_URL)
        ? apiBaseUrl + opts.uri.slice(TWILIO_API_BASE_URL.length)
        : opts.uri;
      return super.request({ ...opts, uri });
    }
  })();
}
