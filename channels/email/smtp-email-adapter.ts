import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import {
  type ChannelAdapter,
  NotSentError,
  type OutboundMessage,
  type SendOutcome,
} from '../channel-adapter';
import { type EmailSettings } from './email-settings';

/** What nodemailer attaches to its errors. */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  timeoutType?: string;
  command?: string;
  response?: string;
  responseCode?: number;
}

// Only the recipient and the message itself can be refused for good; a 5xx to AUTH or MAIL FROM
// is our own configuration, which every patient shares, so it must fail loudly, not fall back.
const recipientCommands = new Set(['RCPT TO', 'DATA']);

// Failures that can only happen before the first SMTP command of the mail transaction.
const beforeTransactionCodes = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'ECONFIG']);
const unreachableSocketCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const setupTimeouts = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

/**
 * Email over SMTP, one connection per message (journey steps send seldom; no idle session to
 * keep alive). There is no `findSent`: SMTP cannot be asked what it took, so when the reply to
 * a sent mail is lost, the activity marks the attempt uncertain instead of mailing twice.
 */
export function createSmtpEmailAdapter(settings: EmailSettings): ChannelAdapter & { close(): void } {
  const transport = createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });

  return {
    channel: 'email',
    async send(message: OutboundMessage): Promise<SendOutcome> {
      const messageId = messageIdFor(message.idempotencyKey, settings.messageIdDomain);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          replyTo: settings.replyTo,
          to: message.to,
          subject: message.content.subject,
          text: message.content.text,
          html: message.content.html,
          messageId,
          ...(message.unsubscribeUrl ? oneClickUnsubscribe(message.unsubscribeUrl) : {}),
        });
        return { status: 'sent', providerMessageId: messageId, providerStatus: info.response };
      } catch (error) {
        const smtpError = error as SmtpError;
        const refusal = permanentRefusal(smtpError, message.to);
        if (refusal) return refusal;
        if (certainlyNotTaken(smtpError)) {
          throw new NotSentError(withoutAddress(smtpError.message, message.to), { cause: error });
        }
        // The connection broke without an answer, possibly after the whole mail went out.
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

/**
 * The same journey step always gets the same Message-ID, so a retried send is recognisably the
 * same mail to anyone deduplicating. Hashed because the key names journey and step, which is
 * nothing a mail header should carry.
 */
function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}

/** RFC 8058: mailbox providers show their own unsubscribe button and POST to the link. */
function oneClickUnsubscribe(url: string) {
  return {
    list: { unsubscribe: url },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

function permanentRefusal(error: SmtpError, recipient: string): SendOutcome | undefined {
  const code = error.responseCode;
  // 503 is "bad sequence of commands": a protocol hiccup that a fresh connection may not repeat.
  if (code === undefined || code < 500 || code === 503) return undefined;
  if (!error.command || !recipientCommands.has(error.command)) return undefined;
  return {
    status: 'rejected',
    code: `smtp-${code}`,
    // Servers echo the address back; the outreach log already knows who it was for.
    reason: withoutAddress(error.response ?? `SMTP ${code}`, recipient),
  };
}

/**
 * Any SMTP reply other than success means the server did not take the mail, whichever command
 * it answered; without a reply, only a failure to set the session up proves nothing went out.
 */
function certainlyNotTaken(error: SmtpError): boolean {
  if (error.responseCode !== undefined) return true;
  if (error.code && beforeTransactionCodes.has(error.code)) return true;
  if (error.originalCode && unreachableSocketCodes.has(error.originalCode)) return true;
  return error.code === 'ETIMEDOUT' && setupTimeouts.has(error.timeoutType ?? '');
}

function withoutAddress(text: string, address: string): string {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), '<recipient>');
}
