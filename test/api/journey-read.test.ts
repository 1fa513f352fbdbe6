import { randomBytes } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import { journeyTypeKey, patientRefKey } from '../../contracts/search-attributes';
import { toDetailView } from '../../api/journeys/journey-view';
import type { JourneyDetailView } from '../../api/journeys/dto/journey-views';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { findJourneyType } from '../../workflows/journey-types';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { publishDefinition } from '../helpers/publish-definition';
import { TEST_NAMESPACE, uniqueName } from '../helpers/test-stack';
import { testDataConverter } from '../helpers/test-payload-encryption';

/*
 * GET /api/journeys/:id asks a running journey for its progress only: the answer carries the
 * execution's facts a describe was asked for before. Each read below is checked against what the
 * describe and the progress (or, for a closed journey, the result) give together, field by
 * field, and the calls the API made to Temporal are counted on its own client (spies that call
 * through to the real server).
 */
const DEFINITION_ID = 'read-check';

describe('reading a journey (real API, worker, Temporal dev server, PostgreSQL)', () => {
  let stack: ApiStack;
  let calls: Record<'describe' | 'query' | 'history', jest.SpyInstance>;

  beforeAll(async () => {
    stack = await startApiStack();
    const service = stack.apiTemporal.workflowService;
    calls = {
      describe: jest.spyOn(service, 'describeWorkflowExecution'),
      query: jest.spyOn(service, 'queryWorkflow'),
      history: jest.spyOn(service, 'getWorkflowExecutionHistory'),
    };
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await stack?.close();
  });
  beforeEach(() => Object.values(calls).forEach((spy) => spy.mockClear()));

  const api = () => request(stack.http);
  const read = (id: string) => api().get(`/api/journeys/${id}`).set('Authorization', DEMO_KEYS.operator);
  const counted = () => ({
    describe: calls.describe.mock.calls.length,
    query: calls.query.mock.calls.length,
    history: calls.history.mock.calls.length,
  });

  /** What the describe and the progress together gave before this read needed only the query. */
  async function describedView(id: string, temporalUiUrl: string, closed = false) {
    const handle = stack.temporal.workflow.getHandle(id);
    const description = await handle.describe();
    const progress: JourneyProgress = closed
      ? ((await handle.result()) as JourneyProgress)
      : await handle.query(progressQuery);
    return JSON.parse(JSON.stringify(toDetailView(description, progress, temporalUiUrl)));
  }

  /** The read of a running journey, once settled: one query, and what describe + query gave. */
  async function readOfSettledRunningJourney(id: string): Promise<JourneyDetailView> {
    await settled(id);
    calls.describe.mockClear();
    calls.query.mockClear();
    const { body } = await read(id).expect(200);
    expect(counted()).toEqual({ describe: 0, query: 1, history: 0 });
    expect(body).toEqual(await describedView(id, (body as JourneyDetailView).temporalUiUrl));
    return body as JourneyDetailView;
  }

  /** Until two reads a moment apart agree: the worker has done what the start set going. */
  async function settled(id: string): Promise<void> {
    const handle = stack.temporal.workflow.getHandle(id);
    let last = '';
    await eventually(
      async () => {
        const now = JSON.stringify(await handle.query(progressQuery));
        const same = now === last;
        last = now;
        return same;
      },
      (same) => same,
    );
  }

  test('a running journey is one Temporal call, the progress query, and reads as describe and query together did', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'appointment-reminder',
        patientId,
        params: { appointmentAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), timeZone: 'UTC' },
      })
      .expect(201);
    const body = await readOfSettledRunningJourney(started.id);
    expect(body).toMatchObject({ journey: 'appointment-reminder', status: 'active', stage: 'scheduled' });
    await stack.temporal.workflow.getHandle(started.id).terminate('test over');
  });

  test('a journey started from a published definition names its pinned version from the query alone', async () => {
    // Its own definition id: tests that list the example's journeys run beside this one.
    const definition = {
      ...(JSON.parse(JSON.stringify(example)) as object),
      id: DEFINITION_ID,
      title: 'Read check',
    };
    await publishDefinition(stack.http, definition, 'First version');
    const { body: started } = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: DEFINITION_ID,
        patientId: uniqueName('pat'),
        params: { timeZone: 'Europe/Warsaw', values: { schedulingUrl: 'https://book.example.org' } },
      })
      .expect(201);
    const body = await readOfSettledRunningJourney(started.id);
    expect(body).toMatchObject({ definitionId: DEFINITION_ID, definitionVersion: 1 });
    await stack.temporal.workflow.getHandle(started.id).terminate('test over');
  });

  test('a closed journey is refused by the query unasked, then read from its describe and result as before', async () => {
    const { body: started } = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'appointment-reminder',
        patientId: uniqueName('pat'),
        params: { appointmentAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), timeZone: 'UTC' },
      })
      .expect(201);
    await api()
      .post(`/api/journeys/${started.id}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'Patient moved away' })
      .expect(200);
    await stack.temporal.workflow.getHandle(started.id).result();
    Object.values(calls).forEach((spy) => spy.mockClear());

    const { body } = await read(started.id).expect(200);

    expect(counted()).toEqual({ describe: 1, query: 1, history: 1 });
    expect(body).toEqual(await describedView(started.id, body.temporalUiUrl, true));
    expect(body).toMatchObject({ status: 'cancelled', closedAt: expect.any(String) });
  });

  test('no such journey is a 404, as before', async () => {
    const response = await read(`appointment-reminder-${randomBytes(16).toString('hex')}`).expect(404);
    expect(response.body.message).toMatch(/^No journey with id/);
  });

  test('a journey whose worker answers without the execution facts (an older worker) is read through describe, right', async () => {
    const taskQueue = uniqueName('older-worker');
    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    const worker = await Worker.create({
      connection,
      namespace: TEST_NAMESPACE,
      taskQueue,
      workflowsPath: require.resolve('../fixtures/older-progress-answer.workflow'),
      dataConverter: testDataConverter,
    });
    const running = worker.run();
    try {
      const type = findJourneyType('appointment-reminder')!;
      const id = `${type.id}-${randomBytes(16).toString('hex')}`;
      await stack.temporal.workflow.start(type.workflowType, {
        workflowId: id,
        taskQueue,
        typedSearchAttributes: [
          { key: journeyTypeKey, value: type.id },
          { key: patientRefKey, value: patientRefFor(uniqueName('pat'), stack.config.pseudonymKey) },
        ],
      });
      const older = await stack.temporal.workflow.getHandle(id).query(progressQuery);
      expect(older.execution).toBeUndefined();
      Object.values(calls).forEach((spy) => spy.mockClear());

      const { body } = await read(id).expect(200);

      // The one query's progress, and the describe for what it did not carry: no second query.
      expect(counted()).toEqual({ describe: 1, query: 1, history: 0 });
      expect(body).toEqual(await describedView(id, body.temporalUiUrl));
      expect(body).toMatchObject({ journey: type.id, status: 'active', stage: 'scheduled' });
      await stack.temporal.workflow.getHandle(id).terminate('test over');
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  }, 120_000);
});
