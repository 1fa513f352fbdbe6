import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startApiStack } from '../test/helpers/api-stack';
import { runChildProcess, serveUntilTold } from './child-process-lifecycle';

/*
 * The API, as the API tests run it (startApiStack), in a process of their own: the load generator
 * and the raw client then do not share an event loop with what they measure, and the CPU this
 * process uses is the API's alone. Its worker runs in a process of its own too
 * (worker-process.ts, as production runs worker/main.ts), unless the bench is asked for the
 * shared shape (`--shared-worker`), where the worker runs here, beside the API, as in the tests.
 * Started by bench-stack.ts.
 */

export interface StackSettings {
  pseudonymKey: string;
  /** The worker in this process too (the tests' shape); otherwise the driver starts it apart. */
  withWorker: boolean;
}

export interface StackReady {
  baseUrl: string;
  taskQueue: string;
  /** The worker's cache of journeys, as its settings gave it. */
  workerMaxCachedWorkflows: number;
  /** What the API's configuration was loaded from: a worker process apart loads the same. */
  configEnv: Record<string, string>;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as StackSettings;
  // The worker's state changes would interleave with the benchmark's tables.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startApiStack(
    {
      PSEUDONYM_KEY: settings.pseudonymKey,
      // One client address sends every request: the per-address limit would measure itself.
      API_RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
      // The worker's cache of journeys, to weigh its memory against replays (waiting-journeys benchmark).
      ...(process.env.WORKER_MAX_CACHED_WORKFLOWS
        ? { WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS }
        : {}),
    },
    undefined,
    { worker: settings.withWorker },
  );
  const ready: StackReady = {
    baseUrl: stack.config.publicBaseUrl,
    taskQueue: stack.config.temporal.taskQueue,
    workerMaxCachedWorkflows: stack.config.temporal.workerMaxCachedWorkflows,
    configEnv: stack.configEnv,
  };
  serveUntilTold(() => stack.close(), ready);
}

runChildProcess(main);
