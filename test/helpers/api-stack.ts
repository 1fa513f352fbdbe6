import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { App } from 'supertest/types';
import { loadConfig, type AppConfig } from '../../config/app-config';
import { createApp } from '../../api/create-app';
import { createJourneyWorker } from '../../worker/create-worker';
import { createTestDatabase, type TestDatabase } from './test-database';
import { stackValue, TEST_NAMESPACE, uniqueName } from './test-stack';
import { journeyWorkflowBundle } from './workflow-bundle';

export interface ApiStack {
  http: App;
  config: AppConfig;
  database: TestDatabase;
  /** A plain Temporal client on the same namespace, for checks the API does not offer. */
  temporal: Client;
  close(): Promise<void>;
}

/** The real API and a real worker on the shared dev server, with their own database and task queue. */
export async function startApiStack(env: Record<string, string> = {}): Promise<ApiStack> {
  const database = await createTestDatabase();
  const config = loadConfig({
    TEMPORAL_ADDRESS: stackValue('temporalAddress'),
    TEMPORAL_NAMESPACE: TEST_NAMESPACE,
    TEMPORAL_TASK_QUEUE: uniqueName('api'),
    DATABASE_URL: database.url,
    DESIGNER_DIST: '/nonexistent',
    ...env,
  });
  const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
  const worker: Worker = await createJourneyWorker({
    connection: workerConnection,
    temporal: config.temporal,
    dataSource: database.dataSource,
    workflowBundle: await journeyWorkflowBundle(),
  });
  const running = worker.run();
  const app: INestApplication = await createApp(config);
  await app.init();
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection: clientConnection, namespace: config.temporal.namespace });

  return {
    http: app.getHttpServer() as App,
    config,
    database,
    temporal,
    async close() {
      await app.close();
      worker.shutdown();
      await running;
      await Promise.all([workerConnection.close(), clientConnection.close()]);
      await database.drop();
    },
  };
}

export const DEMO_KEYS = {
  designer: 'Bearer dev-designer-key',
  operator: 'Bearer dev-operator-key',
  integration: 'Bearer dev-integration-key',
} as const;

/** Polls until `check` passes: visibility (list, search attributes) is eventually consistent. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
