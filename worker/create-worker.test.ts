import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/app-config';
import {
  sandboxEngagement,
  startProviderSandbox,
  type ProviderSandbox,
} from '../test/helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../test/helpers/test-stack';
import { journeyWorkflowBundle } from '../test/helpers/workflow-bundle';
import { createJourneyWorker } from './create-worker';

/*
 * The worker's cache of journeys is what its memory grows with (about 2 MB a journey, measured by
 * the waiting-journeys benchmark): WORKER_MAX_CACHED_WORKFLOWS must reach the SDK's worker.
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

  async function workerCacheWith(env: NodeJS.ProcessEnv): Promise<number> {
    const config = loadConfig({
      TEMPORAL_NAMESPACE: TEST_NAMESPACE,
      TEMPORAL_TASK_QUEUE: uniqueName('cache'),
      ...env,
    });
    const engagement = sandboxEngagement(database.dataSource, providers);
    try {
      const worker = await createJourneyWorker({
        connection,
        temporal: config.temporal,
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

  test('keeps as many journeys in memory as WORKER_MAX_CACHED_WORKFLOWS says, else the SDK default', async () => {
    expect(await workerCacheWith({ WORKER_MAX_CACHED_WORKFLOWS: '25' })).toBe(25);
    expect(await workerCacheWith({})).toBeGreaterThan(25);
  });
});
