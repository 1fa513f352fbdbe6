import { useCallback, useEffect, useRef } from 'react';

/**
 * The signal of the component's current mount, aborted when it unmounts. ApiClient.post takes no
 * signal, so a POST cannot be cancelled: its answer is dropped instead once the screen is gone.
 */
export function useUnmountSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    const mounted = new AbortController();
    controller.current = mounted;
    return () => mounted.abort();
  }, []);
  return useCallback(() => controller.current?.signal ?? AbortSignal.abort(), []);
}
