import type { z } from 'zod';

/*
 * Schema pieces every journey contract uses, so each field is checked and described alike. They
 * take zod from the contract's `lazySchema` builder (contracts/lazy-schema.ts): this module is in
 * the workflow bundle and the designer, and loads no zod of its own.
 */

type ZodApi = typeof z;

export function isoInstant(zod: ZodApi) {
  return zod.iso.datetime({ offset: true });
}

/**
 * Zones found valid so far. Building an Intl.DateTimeFormat to test a zone costs more than the
 * rest of an enrolment's parameter check, and every enrolment names one of a few hundred zones;
 * an invalid name is not kept, so what a caller types cannot grow the set.
 */
const knownTimeZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownTimeZones.add(zone);
  return true;
}

/** The patient's IANA time zone, used to word dates and times in their messages. */
export function timeZoneField(zod: ZodApi, defaultZone: string, purpose: string) {
  return zod
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')
    .default(defaultZone)
    .describe(`The patient's time zone, used to ${purpose}.`);
}
