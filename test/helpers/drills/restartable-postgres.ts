import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '../../../persistence/data-source';
import { freeRestartablePort } from './restartable-port';
import {
  POSTGRES_READY_LINE,
  POSTGRES_SETTINGS_ENV,
  type PostgresProcessSettings,
} from './postgres-process-settings';
import { spawnTsChild, stopChildProcess } from './ts-child-process';

const POSTGRES_ENTRY = join(__dirname, 'postgres-process.ts');
const READY_TIMEOUT_MS = 120_000;

/**
 * A PostgreSQL of the drill's own (the shared one serves every other test file), on a fixed port
 * and a kept data directory, so it can be stopped and started again with its data, as a database
 * server restarted by its operator or its orchestrator would be.
 */
export class RestartablePostgres {
  private child: ChildProcess | undefined;
  /** How many times it was stopped and then really refused connections. */
  outages = 0;

  private constructor(private readonly settings: PostgresProcessSettings) {}

  /** Starts it with `database` created and migrated as production's is. */
  static async start(database: string): Promise<RestartablePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'carepath-drill-pg-'));
    // Run as root, PostgreSQL runs as a `postgres` user that must reach the data directory.
    chmodSync(dir, 0o755);
    const postgres = new RestartablePostgres({
      dataDir: join(dir, 'data'),
      port: await freeRestartablePort(),
      databases: [database],
    });
    await postgres.restart();
    const dataSource = await createDataSource(
      postgres.urlFor(database),
      'carepath-drill-migrate',
    ).initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    return postgres;
  }

  urlFor(database: string): string {
    return `postgres://carepath:carepath@127.0.0.1:${this.settings.port}/${database}`;
  }

  /** Stops the server and checks that it really refuses connections before counting the outage. */
  async stop(): Promise<void> {
    await stopChildProcess(this.child);
    if (!(await this.accepts())) this.outages += 1;
  }

  async restart(): Promise<void> {
    const started = spawnTsChild(
      POSTGRES_ENTRY,
      { [POSTGRES_SETTINGS_ENV]: JSON.stringify(this.settings) },
      POSTGRES_READY_LINE,
      READY_TIMEOUT_MS,
    );
    this.child = started.process;
    await started.ready;
  }

  async destroy(): Promise<void> {
    await stopChildProcess(this.child);
    rmSync(join(this.settings.dataDir, '..'), { recursive: true, force: true });
  }

  private async accepts(): Promise<boolean> {
    const client = new Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  }
}
