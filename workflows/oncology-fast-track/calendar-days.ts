import { DAY_MS } from '../../contracts/durations';

/**
 * Deadlines "within N days" count calendar days where the patient is: a visit on the 14th day
 * after the waiting-list entry is on time whatever the hour. So a deadline falls due at the end
 * of that local day, daylight saving time included.
 */

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The first instant after the local calendar day that is `days` days after the day of `fromMs`. */
export function endOfLocalDayAfter(fromMs: number, days: number, timeZone: string): number {
  const { year, month, day } = localDateOf(fromMs, timeZone);
  return startOfLocalDay({ year, month, day: day + days + 1 }, timeZone);
}

/** Whole days (rounded up) between a deadline and a later instant: 1 for anything up to a day late. */
export function daysLate(atMs: number, dueAtMs: number): number {
  return Math.max(0, Math.ceil((atMs - dueAtMs) / DAY_MS));
}

function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = localParts(ms, timeZone);
  return { year, month, day };
}

/** Local midnight; `day` may overflow the month (Date.UTC normalises it). */
function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at the guess can differ from the offset at the answer across a DST change: refine once.
  const firstGuess = wallClock - offsetMs(wallClock, timeZone);
  return wallClock - offsetMs(firstGuess, timeZone);
}

function offsetMs(ms: number, timeZone: string): number {
  const parts = localParts(ms, timeZone);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return (
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - wholeSeconds
  );
}

/** Building a formatter costs far more than using one: one per zone (pure, so safe to share). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function localParts(ms: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  };
}
