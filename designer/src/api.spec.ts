import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { ApiError, createApiClient, isAbort, retryAfterOf } from './api';

/** The client over a stubbed fetch: what it sends, and what each kind of answer becomes. */
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answering(response: () => Response) {
  const fetch = jest.fn((_request: Request) => Promise.resolve(response()));
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return fetch;
}

const API = 'http://carepath.test';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createApiClient', () => {
  test('sends the key as a bearer token, path parameters encoded and lists comma-separated', async () => {
    const fetch = answering(() => json([]));
    await createApiClient('operator-key', undefined, API).get('/api/staff-tasks', {
      params: { query: { status: ['open', 'claimed'], journeyId: 'a/b' } },
    });
    const request = fetch.mock.calls[0]![0];
    expect(request.headers.get('Authorization')).toBe('Bearer operator-key');
    expect(new URL(request.url).search).toBe('?status=open,claimed&journeyId=a%2Fb');

    await createApiClient('operator-key', undefined, API).post('/api/journeys/{id}/pause', {
      params: { path: { id: 'journey/1' } },
      body: { reason: 'In hospital' },
    });
    const post = fetch.mock.calls[1]![0];
    expect(new URL(post.url).pathname).toBe('/api/journeys/journey%2F1/pause');
    expect(await post.json()).toEqual({ reason: 'In hospital' });
  });

  test('a 429 says how long the API asks to wait, from Retry-After', async () => {
    answering(
      () =>
        new Response(JSON.stringify({ message: 'ThrottlerException: Too Many Requests' }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '30' },
        }),
    );
    const failure = (await createApiClient('key', undefined, API)
      .get('/api/session')
      .catch((error: unknown) => error)) as ApiError;
    expect(failure.status).toBe(429);
    expect(failure.retryAfterSeconds).toBe(30);
    expect(failure.message).toMatch(
      /^Too many requests: the API asks to wait 30 seconds before trying again\./,
    );
  });

  test('Retry-After is read as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(retryAfterOf('120', now)).toBe(120);
    expect(retryAfterOf('Mon, 07 Dec 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfterOf('soon', now)).toBeUndefined();
    expect(retryAfterOf(null, now)).toBeUndefined();
  });

  test("an API error keeps its message and field errors; a 401 also reports the key's end", async () => {
    answering(() =>
      json({ message: 'The request is invalid.', errors: [{ field: 'reason', message: 'empty' }] }, 400),
    );
    const onUnauthorized = jest.fn();
    const client = createApiClient('key', onUnauthorized, API);
    const invalid = await client.get('/api/session').catch((error: unknown) => error);
    expect(invalid).toEqual(new ApiError(400, 'The request is invalid.'));
    expect((invalid as ApiError).errors).toEqual([{ field: 'reason', message: 'empty' }]);
    expect(onUnauthorized).not.toHaveBeenCalled();

    answering(() => json({ message: 'The API key is not valid.', errors: [] }, 401));
    await expect(createApiClient('key', onUnauthorized, API).get('/api/session')).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).toHaveBeenCalledWith('The API key is not valid.');
  });

  test('an answer without a readable body, or no answer at all, becomes an ApiError', async () => {
    answering(
      () => new Response('<html>proxy</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    await expect(createApiClient('key', undefined, API).get('/api/session')).rejects.toEqual(
      new ApiError(502, 'The request failed (HTTP 502).'),
    );
    answering(
      () => new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    await expect(createApiClient('key', undefined, API).get('/api/session')).rejects.toEqual(
      new ApiError(200, 'The API sent a response the designer cannot read.'),
    );
    globalThis.fetch = (() => Promise.reject(new TypeError('fetch failed'))) as typeof globalThis.fetch;
    await expect(createApiClient('key', undefined, API).get('/api/session')).rejects.toMatchObject({
      status: 0,
    });
  });

  test('an aborted request is rethrown as an abort, not an error to show', async () => {
    globalThis.fetch = ((request: Request) =>
      new Promise((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      )) as typeof globalThis.fetch;
    const controller = new AbortController();
    const pending = createApiClient('key', undefined, API).get('/api/session', { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(isAbort(error)).toBe(true);
  });
});
