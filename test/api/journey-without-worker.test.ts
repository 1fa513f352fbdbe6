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

  test('reading it is a 503 naming the worker, after the query deadline', async () => {
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
    await stack.temporal.workflow.getHandle(id).terminate('test over');
  }, 30_000);
});
