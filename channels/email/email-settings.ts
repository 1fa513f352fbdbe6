import { z } from 'zod';
import { ConfigError, emptyAsUnset } from '../../config/env-values';

export interface EmailSettings {
  /** `smtp://user:pass@host:port`, or `smtps://` for TLS from the first byte. */
  smtpUrl: string;
  /** The From header as configured, display name included. */
  from: string;
  replyTo: string | undefined;
  /** The domain of the From address; Message-IDs are minted under it. */
  messageIdDomain: string;
}

// A mailbox alone (`care@x`) or with a display name (`Carepath <care@x>`): the address is what counts.
const mailboxPattern = /^(?:[^<>]*<\s*(?<bracketed>[^<>\s@]+@[^<>\s@]+)\s*>|(?<bare>[^<>\s@]+@[^<>\s@]+))$/;

const mailbox = z
  .string({ error: 'is required' })
  .trim()
  .regex(mailboxPattern, 'must be an address such as care@example.org or "Carepath <care@example.org>"');

const emailEnvironmentSchema = z.object({
  SMTP_URL: z.url({
    protocol: /^smtps?$/,
    hostname: /./,
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587',
  }),
  EMAIL_FROM: mailbox,
  EMAIL_REPLY_TO: z.preprocess(emptyAsUnset, mailbox.optional()),
});

/** Reads the SMTP settings once at process start; errors name the variable, never echo its value. */
export function loadEmailSettings(env: NodeJS.ProcessEnv): EmailSettings {
  const parsed = emailEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid email settings:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  return {
    smtpUrl: vars.SMTP_URL,
    from: vars.EMAIL_FROM,
    replyTo: vars.EMAIL_REPLY_TO,
    messageIdDomain: domainOf(vars.EMAIL_FROM),
  };
}

function domainOf(mailboxText: string): string {
  const { bracketed, bare } = mailboxPattern.exec(mailboxText)!.groups!;
  return (bracketed ?? bare)!.split('@')[1]!.toLowerCase();
}
