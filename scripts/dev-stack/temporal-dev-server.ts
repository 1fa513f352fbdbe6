import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from './search-attributes';

export interface DevServerOptions {
  /** The CLI from locateTemporalCli; undefined falls back to the SDK's cached download. */
  cliPath: string | undefined;
  port: number;
  /** Undefined runs headless. */
  uiPort?: number;
  namespace: string;
  /** Persistent SQLite file; undefined keeps everything in memory. */
  dbFile?: string;
  logFile?: string;
}

export interface RunningDevServer {
  address: string;
  stop(): Promise<void>;
}

/** Starts a Temporal dev server, waits until its namespace answers, and registers the search attributes. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const server = options.cliPath ? await spawnCli(options.cliPath, options) : await startSdkDownload(options);
  try {
    const connection = await waitForNamespace(server.address, options.namespace);
    await ensureSearchAttributes(connection, options.namespace);
    await connection.close();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Visibility calls a second per namespace: list, count, the designer's counts per stage. */
const VISIBILITY_RPS = 200;

async function spawnCli(cliPath: string, options: DevServerOptions): Promise<RunningDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace,
  ];
  args.push('--log-level', 'warn', '--log-format', 'json');
  // The dev server allows 10 visibility calls a second per namespace; the designer's counts and
  // lists (and a test suite) need more. Production clusters set this in their dynamic config.
  args.push('--dynamic-config-value', `frontend.namespaceRPS.visibility=${VISIBILITY_RPS}`);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=WAL');
  }

  // Own process group: Ctrl-C goes to the orchestrator, which stops the server last and cleanly.
  const child = spawn(cliPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  } else {
    child.stdout!.resume();
    child.stderr!.resume();
  }
  return { address: `127.0.0.1:${options.port}`, stop: () => stopChild(child) };
}

async function startSdkDownload(options: DevServerOptions): Promise<RunningDevServer> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      namespace: options.namespace,
      ...(options.uiPort ? { ui: true, uiPort: options.uiPort } : {}),
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
    },
  });
  return { address: `127.0.0.1:${options.port}`, stop: () => env.teardown() };
}

async function waitForNamespace(address: string, namespace: string): Promise<Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace });
      return connection;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Temporal at ${address} did not become ready: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** SIGTERM lets the dev server flush SQLite; SIGKILL only if it hangs. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
