import { useCallback, useEffect, useState } from 'react';
import { type ApiClient, isAbort, messageOf } from './api';

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** GETs `path` whenever it (or the client) changes; `reload` fetches it again. */
export function useApiResource<T>(
  client: ApiClient,
  path: string,
): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    client.get<T>(path, controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error))
          setResource({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [client, path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { resource, reload };
}
