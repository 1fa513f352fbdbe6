import { createDataSource, runMigrations } from '../persistence/data-source';
import { loadConfig } from '../config/app-config';

/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL (a release step in production). */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl, 'carepath-migrate').initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
