import { join } from 'node:path';
import { freePort } from '../../scripts/dev-stack/free-port';
import { spawnTsChild, stopChildProcess, type TsChild } from '../helpers/drills/ts-child-process';
import { TEST_MODE_ENV } from '../helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { TEST_PAYLOAD_ENCRYPTION_KEYS } from '../helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../helpers/test-stack';

/*
 * The worker process as `npm run worker` starts it (worker/main.ts), in its own Node process: the
 * SDK runtime can be installed once per process, which a jest worker shared with other test files
 * cannot promise. Its `/metrics` serves Carepath's metrics and the SDK runtime's together.
 */
describe('the worker process /metrics (and traces)', () => {
  const token = 'worker-metrics-token-'.padEnd(40, 'x');
  let database: TestDatabase;
  let worker: TsChild | undefined;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const [port, sdkPort] = [await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}/metrics`;
    worker = spawnTsChild(
      join(__dirname, '..', '..', 'worker', 'main.ts'),
      {
        ...TEST_MODE_ENV,
        TEMPORAL_ADDRESS: stackValue('temporalAddress'),
        TEMPORAL_NAMESPACE: TEST_NAMESPACE,
        TEMPORAL_TASK_QUEUE: uniqueName('worker-metrics'),
        DATABASE_URL: database.url,
        PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_ENCRYPTION_KEYS,
        COHORT_FINDER_CRON: 'off',
        WORKER_METRICS_PORT: String(port),
        WORKER_SDK_METRICS_PORT: String(sdkPort),
        METRICS_TOKEN: token,
        // Traces on as well: the worker then bundles the tracing workflow interceptors from source.
        OTEL_TRACES_EXPORTER: 'console',
      },
      'worker: polling task queue',
      120_000,
    );
    await worker.ready;
  }, 150_000);

  afterAll(async () => {
    await stopChildProcess(worker?.process);
    await database?.drop();
  });

  test('serves Carepath metrics and the SDK runtime metrics to the token holder only', async () => {
    expect((await fetch(url)).status).toBe(401);
    const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toContain('# TYPE carepath_messages_total counter');
    expect(text).toContain('# TYPE carepath_staff_tasks_opened_total counter');
    expect(text).toContain('carepath_process="worker"');
    expect(text).not.toContain('Temporal SDK metrics unavailable');
    expect(text).toMatch(/^temporal_\w+/m);
    // The SDK labels by namespace, task queue and workflow or activity type: never an execution.
    expect(text).not.toMatch(/(workflow_id|run_id|activity_id)="/);
    expect(worker!.output.join('\n')).toContain(`worker: metrics at ${url}`);
    expect(worker!.output.join('\n')).toContain('worker: traces to console');
  });
});
