/**
 * Fakes of the API client for component tests. A fake answers the URL openapi-fetch would request
 * (`/api/journeys/j-1/events`, `?status=open,claimed`), so tests speak in the API's own paths.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { type ApiClient, QUERY_STYLE } from './api';

type Init = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
};

export function requestedUrl(path: string, init: Init | undefined): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: init?.params ?? {},
    querySerializer: createQuerySerializer(QUERY_STYLE),
    pathSerializer: defaultPathSerializer,
  });
}

export function fakeGet(answer: (url: string, signal?: AbortSignal) => Promise<unknown>): ApiClient['get'] {
  return ((path: string, init?: Init) => answer(requestedUrl(path, init), init?.signal)) as ApiClient['get'];
}

export function fakePost(answer: (url: string, body: unknown) => Promise<unknown>): ApiClient['post'] {
  return ((path: string, init?: Init) => answer(requestedUrl(path, init), init?.body)) as ApiClient['post'];
}

export const unusedGet: ApiClient['get'] = fakeGet(() => Promise.reject(new Error('not used')));
export const unusedPost: ApiClient['post'] = fakePost(() => Promise.reject(new Error('not used')));
