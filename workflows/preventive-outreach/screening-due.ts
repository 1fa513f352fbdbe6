/**
 * The patient's calendar date at `nowMs` in their time zone (YYYY-MM-DD): months overdue and
 * whether a screening still covers the patient turn at the patient's midnight, not at UTC's.
 */
export function localDate(nowMs: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD; Intl is deterministic inside the workflow sandbox.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nowMs);
}

/** Whole calendar months from one date (YYYY-MM-DD) to a later one; negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth, toDay] = to.split('-').map(Number) as [number, number, number];
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  if (months > 0 && toDay < fromDay) return months - 1;
  if (months < 0 && toDay > fromDay) return months + 1;
  return months;
}

/**
 * Whole months since an item fell due (last done + the interval of the test done), or undefined
 * when the last date is unknown; 0 when it is due now or not yet due. Calendar months counted on
 * the patient's own date (`today`), so "3 years overdue" reads the same whatever day of the
 * month the journey started.
 */
export function monthsOverdue(
  lastDoneAt: string | undefined,
  intervalMonths: number,
  today: string,
): number | undefined {
  if (!lastDoneAt) return undefined;
  return Math.max(0, monthsBetween(lastDoneAt.slice(0, 10), today) - intervalMonths);
}
