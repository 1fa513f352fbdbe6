import { DAY_MS } from '../../contracts/durations';
import { endOfLocalDayAfter as endOfLocalDayAfterCounting } from '../local-days';

/**
 * Deadlines "within N days" count calendar days where the patient is: a visit on the 14th day
 * after the waiting-list entry is on time whatever the hour. So a deadline falls due at the end
 * of that local day, daylight saving time included (the zone arithmetic is `../local-days`).
 */

/** The first instant after the local calendar day that is `days` days after the day of `fromMs`. */
export function endOfLocalDayAfter(fromMs: number, days: number, timeZone: string): number {
  return endOfLocalDayAfterCounting(fromMs, days, 'calendar', timeZone);
}

/** Whole days (rounded up) between a deadline and a later instant: 1 for anything up to a day late. */
export function daysLate(atMs: number, dueAtMs: number): number {
  return Math.max(0, Math.ceil((atMs - dueAtMs) / DAY_MS));
}
