import { startEmbeddedPostgres } from '../../../scripts/dev-stack/embedded-postgres';
import {
  POSTGRES_READY_LINE,
  POSTGRES_SETTINGS_ENV,
  type PostgresProcessSettings,
} from './postgres-process-settings';

/*
 * Runs the drill's own PostgreSQL from a plain Node process: embedded-postgres ships only as an
 * ES module, which jest's module system cannot load. SIGTERM stops PostgreSQL cleanly, keeping
 * its data directory for the next start. Started by restartable-postgres.ts.
 */
async function main(): Promise<void> {
  const settings = JSON.parse(process.env[POSTGRES_SETTINGS_ENV] ?? '') as PostgresProcessSettings;
  const server = await startEmbeddedPostgres({
    dataDir: settings.dataDir,
    port: settings.port,
    persistent: true,
    // PostgreSQL's own lines: if it exits at start, the drill's error quotes why (embedded-postgres
    // rejects with nothing).
    log: (line) => console.log(`postgres: ${line}`),
  });
  for (const database of settings.databases) await server.createDatabaseIfMissing(database);
  console.log(POSTGRES_READY_LINE);
  process.once('SIGTERM', () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(`drill postgres: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
