import { execFileSync, fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { locateTemporalCli } from '../scripts/toolchain/temporal-cli';
import { TEST_SERVER_VERSION } from '../scripts/toolchain/test-server';
import startTestStack from '../test/global-setup';
import stopTestStack from '../test/global-teardown';
import { ensureNamespace } from '../test/helpers/test-namespace';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE, TEST_STACK_ENV } from '../test/helpers/test-stack';
import type { StackReady, StackSettings } from './api-stack-process';
import type { AnchorWorkerSettings } from './anchor/anchor-worker-process';
import type { WorkerSettings } from './worker-process';

/**
 * What the benchmarks run against: the PostgreSQL and Temporal dev server the test suite uses
 * (its global setup), the real API and its worker in child processes (one each, as in production,
 * or both in one with `sharedWorker`), and a raw Temporal client on the same server, namespace,
 * task queue and encrypting data converter as the API's.
 */
export interface BenchStack {
  apiBaseUrl: string;
  /** How the API and its worker were run, for the report: apart or in one process. */
  processes: string;
  /** The process running the journeys' worker (its RSS is the worker's memory in figure 4). */
  workerPid: number;
  /**
   * When the API process was started, in seconds on the driver's clock: a round's window
   * (SideFigures.roundsAtS) minus this is about where it lies in that process's CPU profile.
   */
  apiForkedAtS: number;
  /** Names the benchmark processes for CPU accounting (see process-cpu.ts). */
  rolesByPid: Record<number, string>;
  temporal: Client;
  taskQueue: string;
  /** The anchor worker's task queue (bench/anchor): the floor every journey figure is a ratio to. */
  anchorTaskQueue: string;
  /** How many journeys the worker keeps in memory (WORKER_MAX_CACHED_WORKFLOWS or the default). */
  workerMaxCachedWorkflows: number;
  pseudonymKey: string;
  server: {
    devServer: string;
    /** What the CLI says of itself (a `go install` build calls itself 0.0.0-DEV; the server version follows). */
    cliVersion: string | undefined;
    serverVersion: string | undefined;
    timeSkippingServer: string;
  };
  close(): Promise<void>;
}

/**
 * An external Temporal and PostgreSQL instead of the test stack's dev server and embedded
 * PostgreSQL (BENCH_TEMPORAL_ADDRESS and BENCH_POSTGRES_ADMIN_URL, e.g. the docker-compose stack):
 * the dev server's single SQLite connection is no capacity reference.
 */
function externalServers(): { temporalAddress: string; postgresAdminUrl: string } | undefined {
  const temporalAddress = process.env.BENCH_TEMPORAL_ADDRESS;
  const postgresAdminUrl = process.env.BENCH_POSTGRES_ADMIN_URL;
  if (!temporalAddress && !postgresAdminUrl) return undefined;
  if (!temporalAddress || !postgresAdminUrl) {
    throw new Error('Set both BENCH_TEMPORAL_ADDRESS and BENCH_POSTGRES_ADMIN_URL, or neither.');
  }
  return { temporalAddress, postgresAdminUrl };
}

async function startServers(): Promise<{ stop: () => Promise<void>; kind: string | undefined }> {
  const external = externalServers();
  if (!external) {
    await startTestStack();
    return { stop: stopTestStack, kind: undefined };
  }
  // The API process and the helpers it reuses read these, as they read the test stack's.
  process.env[TEST_STACK_ENV.temporalAddress] = external.temporalAddress;
  process.env[TEST_STACK_ENV.postgresAdminUrl] = external.postgresAdminUrl;
  await ensureNamespace(external.temporalAddress, TEST_NAMESPACE);
  return { stop: async () => {}, kind: `external Temporal at ${external.temporalAddress}` };
}

export const PROCESS_SHAPES = {
  apart: 'API and worker in separate processes (as in production)',
  shared: 'API and worker in one process (as in the tests)',
} as const;

export async function startBenchStack(
  options: {
    cpuProfileDir?: string | undefined;
    gcTraceDir?: string | undefined;
    sharedWorker?: boolean;
  } = {},
): Promise<BenchStack> {
  const servers = await startServers();
  const pseudonymKey = `bench-${randomBytes(16).toString('hex')}`;
  const sharedWorker = options.sharedWorker ?? false;
  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let anchor: ChildProcess | undefined;
  let connection: Connection | undefined;
  try {
    const apiForkedAtS = Math.round(performance.now() / 100) / 10;
    const started = await startApiProcess({ pseudonymKey, withWorker: sharedWorker }, options);
    child = started.child;
    if (!sharedWorker) {
      worker = await startWorkerProcess({ configEnv: started.ready.configEnv }, options);
    }
    const anchorTaskQueue = `bench-anchor-${randomBytes(4).toString('hex')}`;
    anchor = await startAnchorWorkerProcess({
      taskQueue: anchorTaskQueue,
      workerMaxCachedWorkflows: started.ready.workerMaxCachedWorkflows,
    });
    connection = await Connection.connect({ address: stackValue('temporalAddress') });
    const temporal = new Client({ connection, namespace: TEST_NAMESPACE, dataConverter: testDataConverter });
    const { serverVersion } = await connection.workflowService.getSystemInfo({});
    const cli = await temporalCli();
    const openChild = child;
    const openWorker = worker;
    const openAnchor = anchor;
    const openConnection = connection;
    return {
      apiBaseUrl: started.ready.baseUrl,
      processes: sharedWorker ? PROCESS_SHAPES.shared : PROCESS_SHAPES.apart,
      workerPid: (worker ?? child).pid!,
      apiForkedAtS,
      rolesByPid: {
        [process.pid]: 'benchDriver',
        ...(worker ? { [child.pid!]: 'api', [worker.pid!]: 'worker' } : { [child.pid!]: 'apiAndWorker' }),
        [anchor.pid!]: 'anchorWorker',
      },
      temporal,
      taskQueue: started.ready.taskQueue,
      anchorTaskQueue,
      workerMaxCachedWorkflows: started.ready.workerMaxCachedWorkflows,
      pseudonymKey,
      server: {
        devServer:
          servers.kind ??
          (cli
            ? `temporal server start-dev (in-memory SQLite), ${cli.path}`
            : "Temporal dev server from the SDK's download"),
        cliVersion: cli?.version,
        serverVersion: serverVersion || undefined,
        timeSkippingServer: timeSkippingServerKind(),
      },
      async close() {
        // The worker first: the API process drops the database it shares with it.
        await Promise.all([openWorker && stopChildProcess(openWorker), stopChildProcess(openAnchor)]);
        await stopChildProcess(openChild);
        await openConnection.close();
        await servers.stop();
      },
    };
  } catch (error) {
    if (worker) await stopChildProcess(worker);
    if (child) await stopChildProcess(child);
    if (anchor) await stopChildProcess(anchor);
    await connection?.close();
    await servers.stop();
    throw error;
  }
}

function startApiProcess(
  settings: StackSettings,
  diagnostics: ChildDiagnostics,
): Promise<{ child: ChildProcess; ready: StackReady }> {
  // The API logs a line per EHR event; only warnings and errors (stderr) are worth showing here.
  const child = fork(join(__dirname, 'api-stack-process.js'), [JSON.stringify(settings)], {
    ...childDiagnostics(diagnostics, 'api'),
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as StackReady }));
    child.once('exit', (code) =>
      reject(new Error(`The API stack process exited (${code}) before it was ready.`)),
    );
  });
}

function startWorkerProcess(settings: WorkerSettings, diagnostics: ChildDiagnostics): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'worker-process.js'), [JSON.stringify(settings)], {
    ...childDiagnostics(diagnostics, 'worker'),
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) =>
      reject(new Error(`The worker process exited (${code}) before it was ready.`)),
    );
  });
}

interface ChildDiagnostics {
  cpuProfileDir?: string | undefined;
  gcTraceDir?: string | undefined;
}

/**
 * A child's flags and output: V8 CPU profiles into `cpuProfileDir`; with `gcTraceDir`, `--trace-gc`
 * and the child's stdout (where V8 writes it, beside the API's log lines) into `<dir>/<role>-gc.log`.
 */
function childDiagnostics(
  { cpuProfileDir, gcTraceDir }: ChildDiagnostics,
  role: string,
): Pick<ForkOptions, 'stdio' | 'execArgv'> {
  if (gcTraceDir) mkdirSync(gcTraceDir, { recursive: true });
  const stdout = gcTraceDir ? openSync(join(gcTraceDir, `${role}-gc.log`), 'w') : 'ignore';
  return {
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
    execArgv: [
      ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : []),
      ...(gcTraceDir ? ['--trace-gc'] : []),
    ],
  };
}

function startAnchorWorkerProcess(settings: AnchorWorkerSettings): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'anchor', 'anchor-worker-process.js'), [JSON.stringify(settings)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) =>
      reject(new Error(`The anchor worker process exited (${code}) before it was ready.`)),
    );
  });
}

/** Asks a child process (the API stack or the anchor worker) to close, and kills it if it hangs. */
function stopChildProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('close');
  });
}

async function temporalCli(): Promise<{ path: string; version: string } | undefined> {
  const path = await locateTemporalCli(() => undefined);
  if (!path) return undefined;
  return { path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() };
}

/** The global setup found (or built) the Java test server, unless Java or Maven is missing. */
function timeSkippingServerKind(): string {
  const path = process.env[TEST_STACK_ENV.testServerPath];
  if (!path) return "time-skipping test server from the SDK's download";
  const version = path.includes(`temporal-test-server-${TEST_SERVER_VERSION}`)
    ? ` ${TEST_SERVER_VERSION}`
    : '';
  return `Java time-skipping test server${version}, ${path}`;
}
