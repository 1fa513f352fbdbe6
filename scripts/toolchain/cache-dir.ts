import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Built toolchains live outside the work tree so fresh clones, CI runs and later sessions on the
 * same machine reuse them. `CAREPATH_CACHE_DIR` overrides the location.
 */
export function toolchainCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CAREPATH_CACHE_DIR) return env.CAREPATH_CACHE_DIR;
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'carepath');
}
