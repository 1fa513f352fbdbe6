/**
 * The carrier-standard opt-out and opt-in keywords (CTIA; Twilio honours the same list). A
 * keyword is the whole message, in any case, so "stop by at 5" is a reply, not an opt-out.
 */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);

export type SmsKeyword = 'opt-out' | 'opt-in' | null;

export function smsKeyword(body: string): SmsKeyword {
  const word = body
    .trim()
    .toUpperCase()
    .replace(/[.!]+$/, '');
  if (OPT_OUT.has(word)) return 'opt-out';
  if (OPT_IN.has(word)) return 'opt-in';
  return null;
}
