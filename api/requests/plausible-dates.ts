import { DateTime } from 'luxon';
import type { FieldError } from '../errors/api-error';

/*
 * A date a person or a system typed can be wrong by a century (an appointment moved to 1900, a
 * card started in 9999) and still be a valid ISO date: the journey would then wait for ever, or
 * breach every deadline at once. Every date in what the API is asked to act on must fall inside a
 * plausible window around now, a setting (PLAUSIBLE_DATES_YEARS_BACK / _AHEAD).
 */

export interface PlausibleDateWindow {
  yearsBack: number;
  yearsAhead: number;
}

// An ISO date or date-time at the start of a string value: what the journeys' contracts accept.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The fields of `value` holding a date outside the window, each with a message that says the window. */
export function implausibleDates(
  value: unknown,
  window: PlausibleDateWindow,
  prefix: string,
  now: DateTime = DateTime.utc(),
): FieldError[] {
  const { earliest, latest, message } = windowAround(now, window);
  const problems: FieldError[] = [];
  const visit = (node: unknown, path: string) => {
    if (typeof node === 'string' && ISO_DATE.test(node)) {
      const at = DateTime.fromISO(node.replace(' ', 'T'), { zone: 'utc' });
      if (at.isValid && (at < earliest || at > latest)) problems.push({ field: path, message });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(value, prefix);
  return problems;
}

interface DatedWindow {
  key: string;
  earliest: DateTime;
  latest: DateTime;
  message: string;
}

let lastWindow: DatedWindow | undefined;

/**
 * The window's bounds depend only on today's date (in `now`'s zone): worked out with luxon once a
 * day, not once per request (every enrolment and event asks).
 */
function windowAround(now: DateTime, window: PlausibleDateWindow): DatedWindow {
  const localDay = Math.floor((now.toMillis() + now.offset * 60_000) / 86_400_000);
  const key = `${now.zoneName}|${localDay}|${window.yearsBack}|${window.yearsAhead}`;
  if (lastWindow?.key === key) return lastWindow;
  const earliest = now.minus({ years: window.yearsBack }).startOf('day');
  const latest = now.plus({ years: window.yearsAhead }).endOf('day');
  const message = `must be between ${earliest.toISODate()} and ${latest.toISODate()} (PLAUSIBLE_DATES_YEARS_BACK / _AHEAD)`;
  lastWindow = { key, earliest, latest, message };
  return lastWindow;
}
