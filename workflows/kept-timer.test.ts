import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnvironment } from '../test/helpers/time-skipping';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { uniqueName } from '../test/helpers/test-stack';
import { keptTimerEvent, keptTimerOutcomes } from '../test/fixtures/kept-timer.workflow';
import { DAY_MS } from '../contracts/durations';

const { EventType } = temporal.api.enums.v1;

describe('KeptTimer (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueName('kept-timer');

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: testDataConverter,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('../test/fixtures/kept-timer.workflow'),
        logger: {
          log: () => {},
          trace: () => {},
          debug: () => {},
          info: () => {},
          warn: () => {},
          error: console.error,
        },
      }),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const start = () =>
    env.client.workflow.start('keptTimerWorkflow', {
      taskQueue,
      workflowId: uniqueName('kept-timer'),
      args: [{ delayMs: DAY_MS }],
    });

  test('events that leave the end where it was keep the timer; one that moves it replaces it, and the new one fires', async () => {
    const handle = await start();
    for (let event = 0; event < 3; event++) await handle.executeUpdate(keptTimerEvent, { args: [{}] });
    await handle.executeUpdate(keptTimerEvent, { args: [{ delayMs: 2 * DAY_MS }] });

    expect(await handle.result()).toEqual(['woken', 'woken', 'woken', 'woken', 'elapsed']);
    const events = (await handle.fetchHistory()).events ?? [];
    const count = (type: number) => events.filter((event) => event.eventType === type).length;
    expect(count(EventType.EVENT_TYPE_TIMER_STARTED)).toBe(2);
    expect(count(EventType.EVENT_TYPE_TIMER_CANCELED)).toBe(1);
    expect(count(EventType.EVENT_TYPE_TIMER_FIRED)).toBe(1);
    const fired = events.find((event) => event.eventType === EventType.EVENT_TYPE_TIMER_FIRED)!;
    const began = events[0]!.eventTime!;
    expect(Number(fired.eventTime!.seconds) - Number(began.seconds)).toBeGreaterThanOrEqual(
      (2 * DAY_MS) / 1000,
    );
  });

  test('a cancelled workflow stops waiting with the cancellation, as a condition with a timeout does', async () => {
    const handle = await start();
    await handle.executeUpdate(keptTimerEvent, { args: [{}] });
    expect(await handle.query(keptTimerOutcomes)).toEqual(['woken']);
    await handle.cancel();

    const failure = await handle.result().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
  });
});
