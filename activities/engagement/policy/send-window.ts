import { DateTime } from 'luxon';
import type { QuietWindow } from '../../../shared/engagement/engagement-policy';

/**
 * When a message may go out, in the patient's time zone: `null` if `at` is outside the quiet
 * window, else the instant the window ends (the next 08:00 local for 21:00-08:00). Wall-clock
 * arithmetic goes through luxon so daylight-saving days come out right.
 */
export function quietHoursEnd(at: Date, window: QuietWindow | null, timeZone: string): Date | null {
  if (!window) return null;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const spansMidnight = start > end;
  const inside = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const [endHour, endMinute] = window.end.split(':').map(Number);
  let windowEnd = local.set({ hour: endHour, minute: endMinute, second: 0, millisecond: 0 });
  if (windowEnd <= local) windowEnd = windowEnd.plus({ days: 1 });
  return windowEnd.toJSDate();
}

/** The patient's local calendar day around `at`, as instants: what the daily cap counts. */
export function localDay(at: Date, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(at, { zone: timeZone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** The first moment a send is allowed from `at` on: after the quiet window if `at` falls inside one. */
export function firstAllowedAt(at: Date, window: QuietWindow | null, timeZone: string): Date {
  return quietHoursEnd(at, window, timeZone) ?? at;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}
