import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ApiAnswer,
  type ApiClient,
  type ApiInit,
  type ApiPath,
  isAbort,
  messageOf,
  type OptionalIfEmpty,
} from './api';
import { useInterval } from './useInterval';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `refreshError`: a background refresh failed; `data` is the last answer. */
  | { status: 'ready'; data: T; refreshedAt: Date; refreshError?: string };

type ResourceOptions<P extends ApiPath<'get'>> = Pick<ApiInit<'get', P>, 'params'> & {
  refreshMs?: number | null;
};

/**
 * GETs `path` with `params` whenever they (or the client) change; `reload` fetches it again from
 * scratch, `refresh` quietly (what is shown stays until the answer arrives).
 * With `refreshMs` it is read again in the background that often, keeping what is shown until
 * the new answer arrives (one request at a time, so a slow API is never flooded).
 */
export function useApiResource<P extends ApiPath<'get'>, O extends ResourceOptions<P>>(
  client: ApiClient,
  path: P,
  ...[options]: OptionalIfEmpty<O>
): { resource: Resource<ApiAnswer<'get', P>>; reload: () => void; refresh: () => void } {
  type T = ApiAnswer<'get', P>;
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const background = useRef<AbortController | null>(null);
  const { params, refreshMs = null } = (options ?? {}) as ResourceOptions<P>;
  // Parameters usually arrive as a new object each render: the request is keyed by their value.
  const paramsKey = JSON.stringify(params ?? {});
  const read = useCallback(
    (signal: AbortSignal) =>
      (client.get as (path: P, init: { params: unknown; signal: AbortSignal }) => Promise<T>)(path, {
        params: JSON.parse(paramsKey) as unknown,
        signal,
      }),
    [client, path, paramsKey],
  );

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    read(controller.signal).then(
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
  }, [read, generation]);

  const refresh = useCallback(() => {
    if (background.current || resource.status !== 'ready') return;
    const controller = new AbortController();
    background.current = controller;
    read(controller.signal).then(
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
  }, [read, resource.status]);
  useInterval(refresh, refreshMs);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { resource, reload, refresh };
}
