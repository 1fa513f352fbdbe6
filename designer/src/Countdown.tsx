import { useEffect, useState } from 'react';
import { formatCountdown } from './countdown';
import { formatDateTime } from './format';

/** Ticks often enough for minute precision; the exact time is in the tooltip and the markup. */
const TICK_MS = 15_000;

export function Countdown({ dueAt, pastLabel }: { dueAt: string; pastLabel?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const overdue = new Date(dueAt).getTime() < now.getTime();
  return (
    <time
      dateTime={dueAt}
      title={formatDateTime(dueAt)}
      className={overdue ? 'countdown overdue' : 'countdown'}
    >
      {formatCountdown(dueAt, now, { pastLabel })}
    </time>
  );
}
