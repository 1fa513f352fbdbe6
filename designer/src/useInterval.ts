import { useEffect, useRef } from 'react';

/**
 * Calls `callback` every `delayMs` while the page is visible (null: never). A hidden tab polls
 * nothing; it catches up as soon as it is shown again.
 */
export function useInterval(callback: () => void, delayMs: number | null): void {
  const latest = useRef(callback);
  latest.current = callback;

  useEffect(() => {
    if (delayMs === null) return;
    const tick = () => {
      if (document.visibilityState !== 'hidden') latest.current();
    };
    const timer = window.setInterval(tick, delayMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [delayMs]);
}
