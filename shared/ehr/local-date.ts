import { DateTime } from 'luxon';
import type { IsoDate } from '../../contracts/ehr/calendar-dates';

/** The calendar date at `at` in a time zone: the patient's "today" (luxon, so server-side only). */
export function localDateOf(at: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
