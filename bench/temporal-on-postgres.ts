import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabaseIfMissing } from '../scripts/dev-stack/create-database';
import { startEmbeddedPostgres } from '../scripts/dev-stack/embedded-postgres';
import { freePort } from '../scripts/dev-stack/free-port';
import { stopChild } from '../scripts/dev-stack/temporal-dev-server';
import { runCommand } from '../scripts/toolchain/run-command';
import { locateTemporalServer, TEMPORAL_SERVER_VERSION } from '../scripts/toolchain/temporal-server';
import { ensureNamespace } from '../test/helpers/test-namespace';
import { TEST_NAMESPACE } from '../test/helpers/test-stack';
import { temporalServerConfig, type SqlConnection, type TemporalServerPorts } from './temporal-server-config';

/*
 * `npm run bench:temporal-postgres`: the official Temporal server on PostgreSQL, without docker,
 * for the benchmarks' external-server mode (BENCH_TEMPORAL_ADDRESS, BENCH_POSTGRES_ADMIN_URL):
 * the dev server keeps visibility in SQLite behind one connection, which is no capacity reference.
 *
 * Starts an embedded PostgreSQL (or uses TEMPORAL_POSTGRES_ADMIN_URL, a role that may create
 * databases), applies Temporal's schema with temporal-sql-tool, starts the server with the
 * docker-compose stack's dynamic config, registers the namespaces and Carepath's search
 * attributes, prints the bench command and runs until SIGINT/SIGTERM. The embedded PostgreSQL
 * is fresh per run and removed when it stops, so a benchmark's counts start from zero; an external
 * one keeps its databases (the schema steps are idempotent).
 */
const root = resolve(__dirname, '..', '..');
const DYNAMIC_CONFIG = join(root, 'docs', 'compose', 'temporal-dynamicconfig.yaml');
/** Fixed when a cluster is created; a few shards are enough for one host with 2 cores. */
const HISTORY_SHARDS = 4;
/** `default` for the CLI and samples; the bench's own namespace so it finds it ready. */
const NAMESPACES = ['default', TEST_NAMESPACE];
const ENV_NAME = 'carepath-bench';

const started = Date.now();
const step = (message: string) =>
  console.log(`[temporal-postgres ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const stopsInReverse: Array<() => Promise<void>> = [];
let stopping = false;

async function main(): Promise<void> {
  const toolchain = await locateTemporalServer(step);
  const workDir = mkdtempSync(join(tmpdir(), 'carepath-temporal-pg-'));
  stopsInReverse.push(async () => rmSync(workDir, { recursive: true, force: true }));

  const adminUrl = await startPostgres();
  const postgres = sqlConnection(adminUrl);
  for (const [database, schema] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    await createDatabaseIfMissing(adminUrl, database);
    await applySchema(
      toolchain.sqlTool,
      postgres,
      database,
      join(toolchain.postgresSchemaDir, schema, 'versioned'),
    );
  }
  step('Temporal schema applied to temporal and temporal_visibility');

  const ports = serverPorts();
  mkdirSync(join(workDir, 'config'));
  writeFileSync(
    join(workDir, 'config', `${ENV_NAME}.yaml`),
    temporalServerConfig({
      ports,
      postgres,
      dynamicConfigFile: DYNAMIC_CONFIG,
      historyShards: HISTORY_SHARDS,
    }),
  );
  const logFile = join(workDir, 'temporal-server.log');
  const server = startServer(toolchain.server, workDir, logFile);
  stopsInReverse.push(() => stopChild(server, 30_000));
  const address = `127.0.0.1:${ports.frontend}`;
  step(`Temporal server ${TEMPORAL_SERVER_VERSION} starting at ${address} (log: ${logFile})`);

  await untilRegistered(address, server, logFile);
  step(`Namespaces ${NAMESPACES.join(', ')} registered with Carepath's search attributes`);
  console.log(
    [
      '',
      `Temporal on PostgreSQL: ${address}    PostgreSQL: ${adminUrl}`,
      'Run the waiting-journeys benchmark against it from another shell:',
      `  BENCH_TEMPORAL_ADDRESS=${address} BENCH_POSTGRES_ADMIN_URL=${adminUrl} \\`,
      '    npm run bench -- --only waiting --waiting-journeys 10000',
      process.env.TEMPORAL_POSTGRES_ADMIN_URL
        ? 'Ctrl-C stops the server.'
        : 'Ctrl-C stops the server and PostgreSQL and removes their data.',
      '',
    ].join('\n'),
  );
  server.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The Temporal server exited (${signal ?? code}); see ${logFile}:\n${lastLines(logFile)}`);
    void stopAll(1);
  });
}

async function startPostgres(): Promise<string> {
  const external = process.env.TEMPORAL_POSTGRES_ADMIN_URL;
  if (external) return external;
  const port = await freePort();
  // A directory of its own, as the test setup's: embedded-postgres hands it to the postgres user.
  const postgres = await startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'carepath-temporal-pg-data-')),
    port,
    persistent: false,
  });
  stopsInReverse.push(() => postgres.stop());
  step(`Embedded PostgreSQL on 127.0.0.1:${port}`);
  return postgres.urlFor('postgres');
}

function sqlConnection(adminUrl: string): SqlConnection {
  const url = new URL(adminUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/**
 * As docs/compose/temporal-schema.sh does: `setup-schema -v 0.0` creates only the version table,
 * `update-schema` applies the versions newer than the one recorded (idempotent).
 */
async function applySchema(
  sqlTool: string,
  postgres: SqlConnection,
  database: string,
  versionedDir: string,
): Promise<void> {
  // The tool reads its connection from these, which keeps the password off the command line.
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: postgres.host,
    SQL_PORT: String(postgres.port),
    SQL_USER: postgres.user,
    SQL_PASSWORD: postgres.password,
  };
  await runCommand(sqlTool, ['--db', database, 'setup-schema', '-v', '0.0'], { env });
  await runCommand(sqlTool, ['--db', database, 'update-schema', '-d', versionedDir], { env });
}

/**
 * Temporal's usual layout around the frontend port (7233: history 7234, matching 7235, worker
 * 7239, membership 300 below). Not free ephemeral ports: the PostgreSQL schema stores membership
 * ports as smallint, and a port above 32767 stops the server at start.
 */
function serverPorts(): TemporalServerPorts {
  const frontend = Number(process.env.TEMPORAL_POSTGRES_PORT ?? 7233);
  return {
    frontend,
    frontendMembership: frontend - 300,
    history: frontend + 1,
    historyMembership: frontend - 299,
    matching: frontend + 2,
    matchingMembership: frontend - 298,
    worker: frontend + 6,
    workerMembership: frontend - 294,
  };
}

function startServer(serverPath: string, workDir: string, logFile: string): ChildProcess {
  // `--allow-no-auth`: no authorizer on a loopback-only bench server (the flag will be required).
  const args = ['--root', workDir, '--config', 'config', '--env', ENV_NAME, '--allow-no-auth', 'start'];
  // Own process group: Ctrl-C reaches only this script, which stops the server before PostgreSQL.
  const child = spawn(serverPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

/** The frontend answers before history and matching have joined; retry until registering works. */
async function untilRegistered(address: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(`The Temporal server exited (${server.exitCode}):\n${lastLines(logFile)}`);
    }
    try {
      for (const namespace of NAMESPACES) await ensureNamespace(address, namespace);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Temporal at ${address} did not become ready: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function lastLines(file: string, count = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  step('Stopping...');
  for (const stop of stopsInReverse.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error(error);
    }
  }
  process.exit(exitCode);
}

// embedded-postgres installs an exit hook that stops PostgreSQL and exits on these signals, which
// would pull the database from under a running server (as scripts/start.ts explains): ours instead.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
