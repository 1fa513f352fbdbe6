/**
 * Whole months since an item fell due (last done + interval), or undefined when the last date is
 * unknown; 0 when it is due now or not yet due. Calendar months, counted in UTC, so a patient's
 * "3 years overdue" reads the same whatever day of the month the journey started.
 */
export function monthsOverdue(
  lastDoneAt: string | undefined,
  intervalMonths: number,
  nowMs: number,
): number | undefined {
  if (!lastDoneAt) return undefined;
  const last = new Date(lastDoneAt);
  const now = new Date(nowMs);
  const monthsSinceLast =
    (now.getUTCFullYear() - last.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - last.getUTCMonth()) -
    (now.getUTCDate() < last.getUTCDate() ? 1 : 0);
  return Math.max(0, monthsSinceLast - intervalMonths);
}
