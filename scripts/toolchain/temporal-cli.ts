import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toolchainCacheDir } from './cache-dir';
import { commandWorks, findOnPath, runCommand, type Log } from './run-command';

/** Newest CLI tag installable with `go install pkg@version` (later tags carry `replace` directives). */
export const TEMPORAL_CLI_VERSION = '1.5.1';

/**
 * The Temporal CLI (dev server with Web UI): `TEMPORAL_CLI_PATH`, then PATH, then the cache;
 * otherwise built once with `go install`. Undefined means no way here: callers fall back to the
 * SDK's own download, which needs internet access.
 */
export async function locateTemporalCli(
  log: Log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (env.TEMPORAL_CLI_PATH) return env.TEMPORAL_CLI_PATH;
  const onPath = findOnPath('temporal', env);
  if (onPath) return onPath;

  const binDir = join(toolchainCacheDir(env), `temporal-cli-${TEMPORAL_CLI_VERSION}`);
  const cached = join(binDir, 'temporal');
  if (existsSync(cached)) return cached;

  if (!commandWorks('go', ['version'])) {
    log('Temporal CLI not found and Go is not installed: falling back to the Temporal SDK download.');
    return undefined;
  }
  log(`Building Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (first run only; a few minutes)...`);
  mkdirSync(binDir, { recursive: true });
  await runCommand('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`], {
    env: { ...env, GOBIN: binDir, GOFLAGS: '-mod=mod' },
  });
  log(`Temporal CLI ready: ${cached}`);
  return cached;
}
