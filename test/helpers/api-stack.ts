import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { App } from 'supertest/types';
import { loadConfig, type AppConfig } from '../../config/app-config';
import { createApp } from '../../api/create-app';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../../api/infrastructure/tokens';
import type { DataSource } from 'typeorm';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import { SMS_INBOUND_PATH } from '../../shared/engagement/delivery-links';
import { connectClosable } from '../../shared/temporal/closable-connection';
import { freePort } from '../../scripts/dev-stack/free-port';
import { createFhirClient } from '../../shared/ehr/http-fhir-client';
import { loadEhrSettings } from '../../shared/ehr/ehr-settings';
import {
  startFhirSandbox,
  type FhirSandbox,
  type FhirSandboxOptions,
} from '../../scripts/dev-stack/fhir-sandbox';
import {
  SINK_AUTH_TOKEN,
  startProviderSandbox,
  TEST_MODE_ENV,
  type ProviderSandbox,
} from './engagement-sandbox';
import { createTestDatabase, type TestDatabase } from './test-database';
import { stackValue, TEST_NAMESPACE, uniqueName } from './test-stack';
import type { Tracing } from '../../shared/telemetry/tracing';
import { testDataConverter, TEST_PAYLOAD_ENCRYPTION_KEYS } from './test-payload-encryption';
import { startStackWorker } from './stack-worker';

export interface ApiStack {
  http: App;
  config: AppConfig;
  /** What `config` was loaded from: a worker started elsewhere (bench/worker-process.ts) loads the same. */
  configEnv: Record<string, string>;
  database: TestDatabase;
  /** The SMTP capture and SMS endpoint the worker delivers to; the SMS endpoint posts back to the API. */
  providers: ProviderSandbox;
  /** A plain Temporal client on the same namespace, for checks the API does not offer. */
  temporal: Client;
  /** The API's own Temporal client: a test may watch which calls the API makes through it. */
  apiTemporal: Client;
  /** The API's own PostgreSQL connections: a test may watch which statements the API sends. */
  apiDataSource: DataSource;
  /** The local FHIR server the API reads the EHR from, when asked for (`fhirSandbox`). */
  fhirSandbox: FhirSandbox | undefined;
  /**
   * What the worker's activities counted (the worker process serves it on its `/metrics`); counts
   * nothing when the stack runs without its worker (`worker: false`).
   */
  workerMetrics: CarepathMetrics;
  close(): Promise<void>;
}

export interface ApiStackOptions {
  /** Start a local FHIR server (seeded with the demo EHR if asked) and point FHIR_BASE_URL at it. */
  fhirSandbox?: FhirSandboxOptions;
  /** The API's port, when something must know it before the stack starts (a Web UI's codec endpoint). */
  port?: number;
  /**
   * The worker reads and writes the FHIR sandbox too, as on `npm start` (contacts, deaths,
   * write-back). Off by default: tests that make the sandbox fail once need the API's read to meet it.
   */
  workerReadsEhr?: boolean;
  /** The worker's cohort finder can enrol (worker/cohort-enrolment.ts, as in main.ts); needs workerReadsEhr. */
  cohortFinder?: boolean;
  /**
   * Traces on: the API's Temporal client and the worker carry spans, the worker's to this
   * processor (the API's go to the global provider the test installed, as main.ts does).
   */
  tracing?: Tracing;
  /**
   * false: the API alone, its worker run elsewhere on the same task queue and database (the
   * benchmarks' worker process, bench/worker-process.ts, as production runs worker/main.ts).
   */
  worker?: boolean;
}

/** The real API and a real worker on the shared dev server, with their own database and task queue. */
export async function startApiStack(
  env: Record<string, string> = {},
  policy?: Record<string, unknown>,
  options: ApiStackOptions = {},
): Promise<ApiStack> {
  const database = await createTestDatabase();
  const fhirSandbox = options.fhirSandbox ? await startFhirSandbox(options.fhirSandbox) : undefined;
  const ehrEnv = { ...(fhirSandbox ? { FHIR_BASE_URL: fhirSandbox.baseUrl } : {}), ...env };
  const ehr = ehrEnv.FHIR_BASE_URL ? loadEhrSettings(ehrEnv) : undefined;
  // The API listens on a real port: the SMS endpoint posts inbound messages and status callbacks
  // to it, signed for the public URL the API checks them against.
  const port = options.port ?? (await freePort());
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const providers = await startProviderSandbox({ inboundWebhookUrl: `${publicBaseUrl}${SMS_INBOUND_PATH}` });
  const configEnv: Record<string, string> = {
    ...TEST_MODE_ENV,
    TEMPORAL_ADDRESS: stackValue('temporalAddress'),
    TEMPORAL_NAMESPACE: TEST_NAMESPACE,
    TEMPORAL_TASK_QUEUE: uniqueName('api'),
    DATABASE_URL: database.url,
    DESIGNER_DIST: '/nonexistent',
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_AUTH_TOKEN: SINK_AUTH_TOKEN,
    PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_ENCRYPTION_KEYS,
    ...(options.tracing ? { OTEL_TRACES_EXPORTER: 'console' } : {}),
    ...env,
  };
  const config = loadConfig(configEnv);
  const worker =
    options.worker === false
      ? undefined
      : await startStackWorker({
          config,
          dataSource: database.dataSource,
          providers,
          policy,
          tracing: options.tracing,
          ...(fhirSandbox && options.workerReadsEhr
            ? { ehr: { fhir: createFhirClient(ehr)!, pseudonymKey: config.pseudonymKey } }
            : {}),
          ...(options.cohortFinder ? { cohortFinder: true } : {}),
        });
  const app: INestApplication = await createApp(config, { fhir: createFhirClient(ehr) });
  await app.listen(port, '127.0.0.1');
  const clientConnection = await connectClosable({ address: config.temporal.address });
  const temporal = new Client({
    connection: clientConnection,
    namespace: config.temporal.namespace,
    dataConverter: testDataConverter,
  });

  return {
    http: app.getHttpServer() as App,
    config,
    configEnv,
    database,
    providers,
    temporal,
    apiTemporal: app.get<Client>(TEMPORAL_CLIENT),
    apiDataSource: app.get<DataSource>(DATA_SOURCE),
    fhirSandbox,
    workerMetrics: worker?.metrics ?? new CarepathMetrics(),
    async close() {
      await app.close();
      await worker?.close();
      await Promise.all([clientConnection.close(), providers.close(), fhirSandbox?.stop()]);
      await database.drop();
    },
  };
}

export const DEMO_KEYS = {
  designer: 'Bearer dev-designer-key',
  operator: 'Bearer dev-operator-key',
  integration: 'Bearer dev-integration-key',
  auditor: 'Bearer dev-auditor-key',
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
