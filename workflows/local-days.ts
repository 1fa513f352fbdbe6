/*
 * Days as the patient lives them: deadlines "within N days" end with the local day in the
 * patient's time zone (daylight saving time included), counted in calendar days or in working
 * days (Monday to Friday; public holidays are not known here). Pure: Intl and Date arithmetic.
 */

export type DayCount = 'calendar' | 'working';

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The first instant after the local day that is `days` calendar or working days after the day
 * of `fromMs`: a visit at any hour of that day is on time.
 */
export function endOfLocalDayAfter(fromMs: number, days: number, count: DayCount, timeZone: string): number {
  const { year, month, day } = localTime(fromMs, timeZone);
  let offset = days;
  if (count === 'working') {
    offset = 0;
    for (let left = days; left > 0;) {
      offset++;
      const weekday = new Date(Date.UTC(year, month - 1, day + offset)).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left--;
    }
  }
  return startOfLocalDay(year, month, day + offset + 1, timeZone);
}

/** Local midnight (or `hour` o'clock) of a date; `day` may overflow the month (Date.UTC normalises it). */
export function startOfLocalDay(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
): number {
  const wallClock = Date.UTC(year, month - 1, day, hour);
  // The offset at the guess can differ from the offset at the answer across a DST change: refine once.
  const firstGuess = wallClock - offsetMs(wallClock, timeZone);
  return wallClock - offsetMs(firstGuess, timeZone);
}

function offsetMs(ms: number, timeZone: string): number {
  const parts = localTime(ms, timeZone);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return (
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - wholeSeconds
  );
}

/** Building a formatter costs far more than using one: one per zone (pure, so safe to share). */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function localTime(ms: number, timeZone: string): LocalTime {
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
  const parts = format.formatToParts(ms);
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
