import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ApiClient,
  type JourneyFilters,
  type PatientSearch,
  type JourneyPage,
  type JourneysQuery,
  type JourneySummary,
  isAbort,
  journeysQuery,
  messageOf,
} from '../api';
import { useInterval } from '../useInterval';

export interface JourneysState {
  phase: 'loading' | 'ready' | 'error';
  items: JourneySummary[];
  /** How many of `items` came with the first page (the part a refresh replaces). */
  firstPageLength: number;
  nextPageToken?: string;
  /** Sorted by next deadline, more journeys had one than the API orders: the first page says so. */
  truncated?: boolean;
  error?: string;
  loadingMore: boolean;
  loadMoreError?: string;
  /** When the list was last read from the API. */
  refreshedAt?: Date;
  /** A background refresh failed; the list shown is the last one read. */
  refreshError?: string;
}

const LOADING: JourneysState = { phase: 'loading', items: [], firstPageLength: 0, loadingMore: false };

/**
 * Journeys, newest first, a page at a time; changing the filters starts again from the first
 * page. Every `refreshMs` the first page is read again in the background (new enrolments,
 * stages moving), keeping the pages already loaded below it.
 */
export function useJourneys(
  client: ApiClient,
  filters: JourneyFilters,
  search: PatientSearch,
  refreshMs: number | null,
): { state: JourneysState; loadMore: () => void; reload: () => void } {
  const [state, setState] = useState<JourneysState>(LOADING);
  const [generation, setGeneration] = useState(0);
  const moreRequest = useRef<AbortController | null>(null);
  const refreshing = useRef(false);
  // The filters usually arrive as a new object each render: the first page is keyed by its query.
  const firstPageKey = JSON.stringify(journeysQuery(filters, search));
  const current = useRef({ client, firstPageKey });
  current.current = { client, firstPageKey };

  useEffect(() => {
    const controller = new AbortController();
    setState(LOADING);
    readPage(client, JSON.parse(firstPageKey) as JourneysQuery, controller.signal).then(
      (page) =>
        setState({
          phase: 'ready',
          items: page.items,
          firstPageLength: page.items.length,
          nextPageToken: page.nextPageToken,
          truncated: page.truncated,
          loadingMore: false,
          refreshedAt: new Date(),
        }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState({ ...LOADING, phase: 'error', error: messageOf(error) });
      },
    );
    return () => {
      controller.abort();
      moreRequest.current?.abort();
      moreRequest.current = null;
    };
  }, [client, firstPageKey, generation]);

  const refresh = useCallback(() => {
    // A live list whose first read failed (a timeout, a 503 while the worker was busy) tries
    // again on its own, showing the error meanwhile, instead of staying empty until Retry.
    if (state.phase === 'error') {
      setGeneration((n) => n + 1);
      return;
    }
    // One refresh at a time: a slow API gets no pile of requests, and the list never blanks.
    if (refreshing.current || state.phase !== 'ready') return;
    refreshing.current = true;
    const asked = current.current;
    readPage(asked.client, JSON.parse(asked.firstPageKey) as JourneysQuery).then(
      (page) => {
        refreshing.current = false;
        if (current.current.firstPageKey !== asked.firstPageKey) return;
        setState((previous) => mergeFirstPage(previous, page));
      },
      (error: unknown) => {
        refreshing.current = false;
        if (current.current.firstPageKey !== asked.firstPageKey) return;
        setState((previous) => ({ ...previous, refreshError: messageOf(error) }));
      },
    );
  }, [state.phase]);
  useInterval(refresh, refreshMs);

  const { nextPageToken, loadingMore } = state;
  const loadMore = useCallback(() => {
    if (!nextPageToken || loadingMore) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setState((previous) => ({ ...previous, loadingMore: true, loadMoreError: undefined }));
    readPage(client, journeysQuery(filters, search, nextPageToken), controller.signal).then(
      (page) =>
        setState((previous) => ({
          ...previous,
          items: [...previous.items, ...page.items.filter((item) => !has(previous.items, item.id))],
          nextPageToken: page.nextPageToken,
          loadingMore: false,
        })),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState((previous) => ({ ...previous, loadingMore: false, loadMoreError: messageOf(error) }));
      },
    );
  }, [client, filters, search, nextPageToken, loadingMore]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, loadMore, reload };
}

function readPage(client: ApiClient, query: JourneysQuery, signal?: AbortSignal): Promise<JourneyPage> {
  return client.get('/api/journeys', { params: { query }, signal });
}

/**
 * The new first page on top. With only the first page loaded, it simply replaces it; once more
 * pages were loaded, everything already shown stays below it (without repeats), so a journey
 * pushed down by new enrolments does not vanish between pages. Refresh starts clean.
 */
export function mergeFirstPage(previous: JourneysState, page: JourneyPage): JourneysState {
  const loadedMore = previous.items.length > previous.firstPageLength;
  return {
    ...previous,
    items: loadedMore
      ? [...page.items, ...previous.items.filter((item) => !has(page.items, item.id))]
      : page.items,
    firstPageLength: page.items.length,
    // Past the first page the older token still continues where the user got to.
    nextPageToken: loadedMore ? previous.nextPageToken : page.nextPageToken,
    truncated: page.truncated,
    refreshedAt: new Date(),
    refreshError: undefined,
  };
}

function has(items: JourneySummary[], id: string): boolean {
  return items.some((item) => item.id === id);
}
