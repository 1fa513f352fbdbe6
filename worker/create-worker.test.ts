import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/app-config';
import {
  sandboxEngagement,
  startProviderSandbox,
  TEST_MODE_ENV,
  type ProviderSandbox,
} from '../test/helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../test/helpers/test-stack';
import { journeyWorkflowBundle } from '../test/helpers/workflow-bundle';
import { createJourneyWorker, type JourneyWorkerOptions } from './create-worker';

/*
 * The worker's cache of journeys is what its memory grows with (about 2 MB a journey, measured by
 * the waiting-journeys benchmark): 500 unless WORKER_MAX_CACHED_WORKFLOWS says otherwise, never
 * the SDK's default, which grows with the heap limit.
 */
describe('createJourneyWorker', () => {
  let database: TestDatabase;
  let providers: ProviderSandbox;
  let connection: NativeConnection;

  beforeAll(async () => {
    [database, providers] = await Promise.all([createTestDatabase(), startProviderSandbox()]);
    connection = await NativeConnection.connect({ address: stackValue('temporalAddress') });
  });

  afterAll(async () => {
    await connection?.close();
    await Promise.all([providers?.close(), database?.drop()]);
  });

  async function workerCacheWith(temporal: JourneyWorkerOptions['temporal']): Promise<number> {
    const engagement = sandboxEngagement(database.dataSource, providers);
    try {
      const worker = await createJourneyWorker({
        connection,
        temporal,
        dataSource: database.dataSource,
        dataConverter: testDataConverter,
        engagement,
        workflowBundle: await journeyWorkflowBundle(),
      });
      // Started and shut down at once, so the native worker it holds is released.
      await worker.runUntil(Promise.resolve());
      return worker.options.maxCachedWorkflows;
    } finally {
      engagement.close();
    }
  }

  const configured = (env: NodeJS.ProcessEnv) =>
    loadConfig({
      ...TEST_MODE_ENV,
      TEMPORAL_NAMESPACE: TEST_NAMESPACE,
      TEMPORAL_TASK_QUEUE: uniqueName('cache'),
      ...env,
    }).temporal;

  test('keeps as many journeys in memory as WORKER_MAX_CACHED_WORKFLOWS says, else 500', async () => {
    expect(await workerCacheWith(configured({ WORKER_MAX_CACHED_WORKFLOWS: '25' }))).toBe(25);
    expect(await workerCacheWith(configured({}))).toBe(500);
    // Workers built without the settings (the drills' worker processes) get the same 500.
    expect(await workerCacheWith({ namespace: TEST_NAMESPACE, taskQueue: uniqueName('cache') })).toBe(500);
  });
});
