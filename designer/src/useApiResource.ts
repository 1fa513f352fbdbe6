import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, isAbort, messageOf } from './api';
import { useInterval } from './useInterval';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `refreshError`: a background refresh failed; `data` is the last answer. */
  | { status: 'ready'; data: T; refreshedAt: Date; refreshError?: string };

/**
 * GETs `path` whenever it (or the client) changes; `reload` fetches it again from scratch,
 * `refresh` quietly (what is shown stays until the answer arrives).
 * With `refreshMs` it is read again in the background that often, keeping what is shown until
 * the new answer arrives (one request at a time, so a slow API is never flooded).
 */
export function useApiResource<T>(
  client: ApiClient,
  path: string,
  refreshMs: number | null = null,
): { resource: Resource<T>; reload: () => void; refresh: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const background = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    client.get<T>(path, controller.signal).then(
      (data) => setResource({ status: 'ready', data, refreshedAt: new Date() }),
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error))
          setResource({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      controller.abort();
      background.current?.abort();
      background.current = null;
    };
  }, [client, path, generation]);

  const refresh = useCallback(() => {
    if (background.current || resource.status !== 'ready') return;
    const controller = new AbortController();
    background.current = controller;
    client.get<T>(path, controller.signal).then(
      (data) => {
        background.current = null;
        setResource({ status: 'ready', data, refreshedAt: new Date() });
      },
      (error: unknown) => {
        background.current = null;
        if (controller.signal.aborted || isAbort(error)) return;
        setResource((previous) =>
          previous.status === 'ready' ? { ...previous, refreshError: messageOf(error) } : previous,
        );
      },
    );
  }, [client, path, resource.status]);
  useInterval(refresh, refreshMs);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { resource, reload, refresh };
}
