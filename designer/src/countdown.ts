import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../contracts/durations';

/**
 * How long until (or since) a timer or deadline, the way a coordinator reads it: the two largest
 * units, rounded down ("in 2 d 5 h", "3 h 10 min overdue"); under a minute is "due now".
 */
export function formatCountdown(dueAt: string, now: Date, { pastLabel = 'overdue' } = {}): string {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return dueAt;
  const left = due - now.getTime();
  const span = Math.abs(left);
  if (span < MINUTE_MS) return 'due now';
  const amount = describeSpan(span);
  return left > 0 ? `in ${amount}` : `${amount} ${pastLabel}`;
}

function describeSpan(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
