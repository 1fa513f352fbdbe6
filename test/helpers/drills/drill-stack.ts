import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'supertest/types';
import { createApp } from '../../../api/create-app';
import { loadConfig, type AppConfig } from '../../../config/app-config';
import { SMS_INBOUND_PATH } from '../../../shared/engagement/delivery-links';
import { freePort } from '../../../scripts/dev-stack/free-port';
import { connectClosable } from '../../../shared/temporal/closable-connection';
import {
  SINK_AUTH_TOKEN,
  startProviderSandbox,
  type ProviderSandbox,
  TEST_MODE_ENV,
} from '../engagement-sandbox';
import { testDataConverter, TEST_PAYLOAD_ENCRYPTION_KEYS } from '../test-payload-encryption';
import { uniqueName } from '../test-stack';
import { journeyWorkflowBundle } from '../workflow-bundle';
import { KillableWorker } from './killable-worker';

export interface DrillStackOptions {
  temporalAddress: string;
  namespace: string;
  /** A migrated database the API and the worker share. */
  databaseUrl: string;
}

/**
 * The real API in the test process and the journey worker in a process of its own (KillableWorker),
 * with the SMTP capture and SMS sink in the test process: what they captured survives every fault
 * a drill injects into the worker, Temporal or PostgreSQL.
 */
export interface DrillStack {
  http: App;
  config: AppConfig;
  providers: ProviderSandbox;
  worker: KillableWorker;
  /** A plain client on the drill's namespace: whether a journey closed is asked here, not of a worker. */
  temporal: Client;
  close(): Promise<void>;
}

export async function startDrillStack(options: DrillStackOptions): Promise<DrillStack> {
  const port = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const providers = await startProviderSandbox({ inboundWebhookUrl: `${publicBaseUrl}${SMS_INBOUND_PATH}` });
  const config = loadConfig({
    ...TEST_MODE_ENV,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace,
    TEMPORAL_TASK_QUEUE: uniqueName('drill'),
    DATABASE_URL: options.databaseUrl,
    DESIGNER_DIST: '/nonexistent',
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_AUTH_TOKEN: SINK_AUTH_TOKEN,
    PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_ENCRYPTION_KEYS,
    // Every enrolment comes from one address; the per-address limit is not what is drilled.
    API_RATE_LIMIT_PER_MINUTE: String(1_000_000),
  });
  const bundleDir = mkdtempSync(join(tmpdir(), 'carepath-drill-bundle-'));
  const workflowBundlePath = join(bundleDir, 'workflows.js');
  writeFileSync(workflowBundlePath, (await journeyWorkflowBundle()).code);
  const worker = new KillableWorker({
    temporalAddress: options.temporalAddress,
    namespace: options.namespace,
    taskQueue: config.temporal.taskQueue,
    databaseUrl: options.databaseUrl,
    providerEnv: providers.env,
    publicBaseUrl,
    workflowBundlePath,
  });
  const app: INestApplication = await createApp(config, { fhir: undefined });
  await Promise.all([worker.start(), app.listen(port, '127.0.0.1')]);
  const connection = await connectClosable({ address: options.temporalAddress });
  const temporal = new Client({ connection, namespace: options.namespace, dataConverter: testDataConverter });

  return {
    http: app.getHttpServer() as App,
    config,
    providers,
    worker,
    temporal,
    async close() {
      await worker.stop();
      await app.close();
      await Promise.all([connection.close(), providers.close()]);
      rmSync(bundleDir, { recursive: true, force: true });
    },
  };
}
