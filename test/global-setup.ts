import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/dev-stack/free-port';
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/dev-stack/embedded-postgres';
import { startTemporalDevServer, type RunningDevServer } from '../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../scripts/toolchain/temporal-cli';
import { locateTestServer } from '../scripts/toolchain/test-server';
import { TEST_NAMESPACE, TEST_STACK_ENV } from './helpers/test-stack';

declare global {
  var carepathTestStack: { postgres: RunningPostgres; temporal: RunningDevServer } | undefined;
}

/**
 * One real PostgreSQL and one real Temporal dev server for the whole run; test files isolate
 * themselves with their own database and task queue. Addresses reach the test workers by env.
 */
export default async function globalSetup(): Promise<void> {
  const log = (message: string) => process.stderr.write(`[test setup] ${message}\n`);
  const [cliPath, testServerPath] = await Promise.all([locateTemporalCli(log), locateTestServer(log)]);
  const [postgres, temporal] = await Promise.all([
    startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'carepath-test-pg-')),
      port: await freePort(),
      persistent: false,
    }),
    startTemporalDevServer({ cliPath, port: await freePort(), namespace: TEST_NAMESPACE }),
  ]);
  globalThis.carepathTestStack = { postgres, temporal };
  process.env[TEST_STACK_ENV.postgresAdminUrl] = postgres.urlFor('postgres');
  process.env[TEST_STACK_ENV.temporalAddress] = temporal.address;
  if (testServerPath) process.env[TEST_STACK_ENV.testServerPath] = testServerPath;
}
