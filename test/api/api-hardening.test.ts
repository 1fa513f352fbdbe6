import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * What protects the API before any route runs: security headers, a per-client rate limit (set
 * low here), and body size limits.
 */
describe('API hardening: headers, rate limit, body size', () => {
  const LIMIT = 8;
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ API_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  test('every answer carries security headers, and none names the framework', async () => {
    const response = await api().get('/api/health').expect(200);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  test('a body over the size limit is refused with 413', async () => {
    const response = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({
          journey: 'appointment-reminder',
          patientId: 'pat-big',
          params: { x: 'x'.repeat(1_100_000) },
        }),
      );
    expect(response.status).toBe(413);
  });

  test('past the limit a client gets 429 with a Retry-After, in the common error shape; health is never limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      statuses.push((await api().get('/api/journey-types').set('Authorization', DEMO_KEYS.designer)).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    const limited = await api()
      .get('/api/journey-types')
      .set('Authorization', DEMO_KEYS.designer)
      .expect(429);
    expect(limited.body).toEqual({ message: expect.any(String), errors: [] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per route and client address; an unauthenticated flood is limited before the key check.
    const unauthenticated: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) unauthenticated.push((await api().get('/api/journeys')).status);
    expect(unauthenticated.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
    expect(unauthenticated.at(-1)).toBe(429);
    await api().get('/api/health').expect(200);
  });
});
