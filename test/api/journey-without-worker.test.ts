import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { findJourneyType } from '../../workflows/journey-types';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

/*
 * A journey whose worker is gone: Temporal has it, nobody can answer for its progress. The API
 * says so with a 503 the caller can retry, not a 500.
 */
describe('a journey no worker answers for', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  test('reading it or changing it is a 503 naming the worker, after a deadline', async () => {
    const type = findJourneyType('appointment-reminder')!;
    const id = `${type.id}-${randomBytes(16).toString('hex')}`;
    // On a task queue no worker polls: started, but never run.
    await stack.temporal.workflow.start(type.workflowType, {
      workflowId: id,
      taskQueue: uniqueName('no-worker'),
      args: [{}],
    });
    const response = await request(stack.http)
      .get(`/api/journeys/${id}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(503);
    expect(response.body.message).toBe('No worker answered: is the worker running?');
    // So does asking what the journey would do with an event.
    const preview = await request(stack.http)
      .post(`/api/journeys/${id}/events/preview`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ type: 'appointment-attended' })
      .expect(503);
    expect(preview.body.message).toBe('No worker answered: is the worker running?');

    // A change waits for a worker under a deadline too, rather than holding the request open.
    const paused = await request(stack.http)
      .post(`/api/journeys/${id}/pause`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'Patient in hospital' })
      .expect(503);
    expect(paused.body.message).toMatch(/^No worker took the change in time/);
    await stack.temporal.workflow.getHandle(id).terminate('test over');
  }, 60_000);

  test('the OpenAPI document declares that 503 on every route that waits on a worker', async () => {
    const { body } = await request(stack.http).get('/api/openapi.json').expect(200);
    const declared = (path: string, method: string) => Object.keys(body.paths[path][method].responses);
    for (const [path, method] of [
      ['/api/journeys', 'post'],
      ['/api/journeys/{id}', 'get'],
      ['/api/journeys/{id}/events', 'post'],
      ['/api/journeys/{id}/events/preview', 'post'],
      ['/api/journeys/{id}/pause', 'post'],
      ['/api/journeys/{id}/resume', 'post'],
      ['/api/journeys/{id}/cancel', 'post'],
    ] as const) {
      expect([path, method, declared(path, method)]).toEqual([path, method, expect.arrayContaining(['503'])]);
    }
  });
});
