import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../../persistence/data-source';
import { stackValue, uniqueName } from './test-stack';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh database on the shared test PostgreSQL, migrated exactly as production is. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = stackValue('postgresAdminUrl');
  const name = uniqueName('test').replace(/-/g, '_');
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const dataSource = await createDataSource(url, 'carepath-test').initialize();
  await runMigrations(dataSource);
  return {
    url,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
