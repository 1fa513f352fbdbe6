import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toolchainCacheDir } from './cache-dir';
import { commandWorks, runCommand, type Log } from './run-command';

/** The server the Temporal CLI 1.5.1 embeds, and the docker-compose stack's image tag. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';

export interface TemporalServerToolchain {
  /** The full server (`server --root <dir> --config <dir> --env <name> start`). */
  server: string;
  /** temporal-sql-tool: `go install` names it after its package directory, `sql`. */
  sqlTool: string;
  /** schema/postgresql/v12 of the server module: `temporal/versioned` and `visibility/versioned`. */
  postgresSchemaDir: string;
}

/**
 * The official Temporal server and its SQL schema tool, for running Temporal on PostgreSQL
 * without docker. Built once with `go install` from the Go module proxy into the cache; the
 * schema files are copied next to them, so later runs need no Go module cache.
 */
export async function locateTemporalServer(
  log: Log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemporalServerToolchain> {
  const home = join(toolchainCacheDir(env), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const found: TemporalServerToolchain = {
    server: join(home, 'server'),
    sqlTool: join(home, 'sql'),
    postgresSchemaDir: join(home, 'schema', 'postgresql', 'v12'),
  };
  if (Object.values(found).every((path) => existsSync(path))) return found;

  if (!commandWorks('go', ['version'])) {
    throw new Error(`Temporal server ${TEMPORAL_SERVER_VERSION} is not in ${home} and Go is not installed.`);
  }
  mkdirSync(home, { recursive: true });
  for (const pkg of ['cmd/server', 'cmd/tools/sql']) {
    if (existsSync(join(home, pkg.split('/').pop()!))) continue;
    log(`Building go.temporal.io/server/${pkg}@v${TEMPORAL_SERVER_VERSION} (first run only; minutes)...`);
    await runCommand('go', ['install', `go.temporal.io/server/${pkg}@v${TEMPORAL_SERVER_VERSION}`], {
      env: { ...env, GOBIN: home },
    });
  }
  if (!existsSync(found.postgresSchemaDir)) {
    const modCache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    const module = join(modCache, `go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}`);
    cpSync(join(module, 'schema', 'postgresql', 'v12'), found.postgresSchemaDir, { recursive: true });
  }
  log(`Temporal server ready: ${home}`);
  return found;
}
