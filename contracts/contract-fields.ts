import { z } from 'zod';

/** Schema pieces every journey contract uses, so each field is checked and described alike. */

export const isoInstant = z.iso.datetime({ offset: true });

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The patient's IANA time zone, used to word dates and times in their messages. */
export function timeZoneField(defaultZone: string, purpose: string) {
  return z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')
    .default(defaultZone)
    .describe(`The patient's time zone, used to ${purpose}.`);
}
