import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ApiClient,
  type JourneyPage,
  type JourneySummary,
  type StatusFilter,
  isAbort,
  journeysPath,
  messageOf,
} from './api';

export interface JourneysState {
  phase: 'loading' | 'ready' | 'error';
  items: JourneySummary[];
  nextPageToken?: string;
  error?: string;
  loadingMore: boolean;
  loadMoreError?: string;
}

const LOADING: JourneysState = { phase: 'loading', items: [], loadingMore: false };

/** Journeys, newest first, 50 at a time; changing the filter starts again from the first page. */
export function useJourneys(
  client: ApiClient,
  status: StatusFilter | '',
): { state: JourneysState; loadMore: () => void; reload: () => void } {
  const [state, setState] = useState<JourneysState>(LOADING);
  const [generation, setGeneration] = useState(0);
  const moreRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState(LOADING);
    client.get<JourneyPage>(journeysPath(status), controller.signal).then(
      (page) =>
        setState({
          phase: 'ready',
          items: page.items,
          nextPageToken: page.nextPageToken,
          loadingMore: false,
        }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState({ phase: 'error', items: [], error: messageOf(error), loadingMore: false });
      },
    );
    return () => {
      controller.abort();
      moreRequest.current?.abort();
      moreRequest.current = null;
    };
  }, [client, status, generation]);

  const { nextPageToken, loadingMore } = state;
  const loadMore = useCallback(() => {
    if (!nextPageToken || loadingMore) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setState((current) => ({ ...current, loadingMore: true, loadMoreError: undefined }));
    client.get<JourneyPage>(journeysPath(status, nextPageToken), controller.signal).then(
      (page) =>
        setState((current) => ({
          ...current,
          items: [...current.items, ...page.items],
          nextPageToken: page.nextPageToken,
          loadingMore: false,
        })),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState((current) => ({ ...current, loadingMore: false, loadMoreError: messageOf(error) }));
      },
    );
  }, [client, status, nextPageToken, loadingMore]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, loadMore, reload };
}
