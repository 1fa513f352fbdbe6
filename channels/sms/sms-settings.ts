import { z } from 'zod';
import { ConfigError, emptyAsUnset } from '../../config/env-values';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

export interface SmsSettings {
  accountSid: string;
  authToken: string;
  /** A phone number of the account, or a Messaging Service that picks one from its pool. */
  sender: { from: string } | { messagingServiceSid: string };
  /** Twilio itself, or a stand-in that speaks its API (the local SMS sink). No trailing slash. */
  apiBaseUrl: string;
}

const required = (pattern: RegExp, explanation: string) =>
  z.string({ error: 'is required' }).trim().regex(pattern, explanation);
const optional = (pattern: RegExp, explanation: string) =>
  z.preprocess(emptyAsUnset, required(pattern, explanation).optional());

const smsEnvironmentSchema = z
  .object({
    TWILIO_ACCOUNT_SID: required(/^AC[0-9a-f]{32}$/i, 'must be an account SID: AC followed by 32 hex digits'),
    TWILIO_AUTH_TOKEN: required(/^\S+$/, 'must be the auth token of the account'),
    TWILIO_FROM: optional(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number such as +15551234567'),
    TWILIO_MESSAGING_SERVICE_SID: optional(
      /^MG[0-9a-f]{32}$/i,
      'must be a Messaging Service SID: MG followed by 32 hex digits',
    ),
    TWILIO_API_BASE_URL: z.preprocess(
      emptyAsUnset,
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(TWILIO_API_BASE_URL),
    ),
  })
  // Exactly one sender, so which number patients see never depends on Twilio's precedence rules.
  .refine((vars) => (vars.TWILIO_FROM === undefined) !== (vars.TWILIO_MESSAGING_SERVICE_SID === undefined), {
    path: ['TWILIO_FROM'],
    message: 'set exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID',
  });

/** Reads the Twilio settings once at process start; errors name the variable, never echo its value. */
export function loadSmsSettings(env: NodeJS.ProcessEnv): SmsSettings {
  const parsed = smsEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid SMS settings:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  return {
    accountSid: vars.TWILIO_ACCOUNT_SID,
    authToken: vars.TWILIO_AUTH_TOKEN,
    sender: vars.TWILIO_FROM
      ? { from: vars.TWILIO_FROM }
      : { messagingServiceSid: vars.TWILIO_MESSAGING_SERVICE_SID! },
    apiBaseUrl: vars.TWILIO_API_BASE_URL.replace(/\/+$/, ''),
  };
}
