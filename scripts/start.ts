import type { ChildProcess } from 'node:child_process';
import { mkdirSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { createDataSource, runMigrations } from '../persistence/data-source';
import { SMS_INBOUND_PATH } from '../shared/engagement/delivery-links';
import { DEV_API_KEYS, loadConfig } from '../config/app-config';
import { developmentSecret, randomSecret } from '../config/development-secrets';
import { spawnNodeChild } from './dev-stack/child-process';
import { startEmbeddedPostgres } from './dev-stack/embedded-postgres';
import { keepDataPrivate } from './dev-stack/private-data-dir';
import { demoPatients, seedDemoContacts } from './dev-stack/demo-contacts';
import { demoEhrPatients } from './dev-stack/demo-ehr';
import { startFhirSandbox } from './dev-stack/fhir-sandbox';
import { ensureSearchAttributes } from './dev-stack/search-attributes';
import { startSmsSink } from './dev-stack/sms-sink';
import { startSmtpCapture } from './dev-stack/smtp-capture';
import { startTemporalDevServer, stopChild } from './dev-stack/temporal-dev-server';
import { temporalWebUiSavedViews } from '../shared/temporal-web-ui/saved-views';
import { journeyModules } from '../workflows/journeys';
import { locateTemporalCli } from './toolchain/temporal-cli';

/**
 * `npm start`: the whole orchestrator on one machine. Each dependency is embedded unless its
 * environment variable points at an existing service. Data persists under .data/ (or
 * CAREPATH_DATA_DIR), so a second start finds its journeys and database again.
 */
const root = resolve(__dirname, '..', '..');
const dataDir = resolve(process.env.CAREPATH_DATA_DIR ?? join(root, '.data'));
keepDataPrivate(dataDir);
const ports = {
  temporal: Number(process.env.CAREPATH_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.CAREPATH_TEMPORAL_UI_PORT ?? 8233),
  postgres: Number(process.env.CAREPATH_POSTGRES_PORT ?? 5433),
  api: Number(process.env.API_PORT ?? 3000),
  smtp: Number(process.env.CAREPATH_SMTP_PORT ?? 2525),
  sms: Number(process.env.CAREPATH_SMS_PORT ?? 3025),
  fhir: Number(process.env.CAREPATH_FHIR_PORT ?? 8103),
  // The worker's /metrics; the Temporal SDK's exporter takes the next port (config/telemetry-settings.ts).
  workerMetrics: Number(process.env.WORKER_METRICS_PORT ?? 9464),
};
/**
 * What every process of the local stack reads: development mode, explicitly (the API and the
 * worker refuse to guess it), and the data folder where its generated secrets live.
 */
const stackEnv = {
  ...process.env,
  CAREPATH_MODE: process.env.CAREPATH_MODE ?? 'development',
  CAREPATH_DATA_DIR: dataDir,
};
/**
 * The local SMS sink's account: it checks Twilio's Basic auth and signs its callbacks with this
 * token, generated for this installation so nobody else can sign a STOP that the API would take.
 */
const SINK_ACCOUNT = {
  accountSid: `AC${'d'.repeat(32)}`,
  authToken: developmentSecret(dataDir, 'sms-sink-auth-token', randomSecret),
};
const started = Date.now();
const stopsInReverse: Array<{ name: string; stop: () => Promise<void> }> = [];
const children: ChildProcess[] = [];
let stopping = false;

const step = (message: string) =>
  console.log(`[start ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

async function main(): Promise<void> {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const temporalAddress = await startTemporal();
  const databaseUrl = await startDatabase();

  step('Applying database migrations...');
  const dataSource = await createDataSource(databaseUrl, 'carepath-migrate').initialize();
  const applied = await runMigrations(dataSource);
  step(applied.length ? `Applied ${applied.join(', ')}` : 'Database schema is up to date');
  if (!process.env.DATABASE_URL || process.env.CAREPATH_DEMO_DATA === 'true') {
    const seeded = await seedDemoContacts(dataSource, loadConfig(stackEnv).pseudonymKey);
    if (seeded.length) step(`Seeded demo patient contacts: ${seeded.join(', ')}`);
  }
  await dataSource.destroy();
  const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${ports.api}`;
  const channelEnv = await startLocalProviders(publicBaseUrl);
  const fhirBaseUrl = await startLocalEhr();

  const env = {
    ...stackEnv,
    ...channelEnv,
    FHIR_BASE_URL: fhirBaseUrl,
    PUBLIC_BASE_URL: publicBaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'carepath',
    TEMPORAL_WEB_UI_URL: process.env.TEMPORAL_WEB_UI_URL ?? `http://localhost:${ports.temporalUi}`,
    DATABASE_URL: databaseUrl,
    API_PORT: String(ports.api),
    WORKER_METRICS_PORT: String(ports.workerMetrics),
  };
  step('Starting the worker and the API...');
  for (const [name, script] of [
    ['worker', 'worker/main.js'],
    ['api', 'api/main.js'],
  ] as const) {
    const child = spawnNodeChild(name, join(root, 'dist', script), env);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(
          `[start] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`,
        );
        void shutDown(1);
      }
    });
    children.push(child);
  }
  await waitForHealth(`http://localhost:${ports.api}/api/health`);
  printWelcome(env.TEMPORAL_WEB_UI_URL, fhirBaseUrl);
}

async function startTemporal(): Promise<string> {
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'carepath';
  if (process.env.TEMPORAL_ADDRESS) {
    step(`Using Temporal at ${process.env.TEMPORAL_ADDRESS} (TEMPORAL_ADDRESS)`);
    await registerSearchAttributes(process.env.TEMPORAL_ADDRESS, namespace);
    return process.env.TEMPORAL_ADDRESS;
  }
  step('Locating the Temporal CLI...');
  const cliPath = await locateTemporalCli(step);
  step(`Starting the Temporal dev server (gRPC :${ports.temporal}, Web UI :${ports.temporalUi})...`);
  const server = await startTemporalDevServer({
    cliPath,
    port: ports.temporal,
    uiPort: ports.temporalUi,
    namespace,
    dbFile: join(dataDir, 'temporal', 'temporal.db'),
    logFile: join(dataDir, 'logs', 'temporal.log'),
    // No --ui-codec-endpoint: the dev server's UI cannot be told to send credentials with it, so
    // a cluster-level endpoint only ever answers 401 and hides the browser setting that works
    // (README, "Reading encrypted histories").
  });
  stopsInReverse.unshift({ name: 'Temporal dev server', stop: server.stop });
  step(`Temporal is ready; namespace "${namespace}" and search attributes registered`);
  return server.address;
}

/**
 * Email and SMS go to local stand-ins unless SMTP_URL or TWILIO_ACCOUNT_SID point at real
 * providers: an SMTP server that keeps every mail as an .eml file, and an endpoint that speaks
 * Twilio's API (and posts delivery callbacks and inbound replies back like Twilio).
 */
async function startLocalProviders(publicBaseUrl: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  if (!process.env.SMTP_URL) {
    const smtp = await startSmtpCapture({ port: ports.smtp, outboxDir: join(dataDir, 'outbox', 'email') });
    stopsInReverse.unshift({ name: 'SMTP capture', stop: smtp.stop });
    Object.assign(env, {
      SMTP_URL: smtp.url,
      EMAIL_FROM: process.env.EMAIL_FROM ?? 'Carepath <care@carepath.local>',
    });
    step(`SMTP capture on ${smtp.url} (mail kept in ${join(dataDir, 'outbox', 'email')})`);
  }
  if (!process.env.TWILIO_ACCOUNT_SID) {
    const sms = await startSmsSink({
      port: ports.sms,
      ...SINK_ACCOUNT,
      outboxDir: join(dataDir, 'outbox'),
      inboundWebhookUrl: `${publicBaseUrl}${SMS_INBOUND_PATH}`,
    });
    stopsInReverse.unshift({ name: 'SMS sink', stop: sms.stop });
    Object.assign(env, {
      TWILIO_ACCOUNT_SID: SINK_ACCOUNT.accountSid,
      TWILIO_AUTH_TOKEN: SINK_ACCOUNT.authToken,
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: sms.baseUrl,
    });
    step(`SMS sink (Twilio API) on ${sms.baseUrl} (messages in ${join(dataDir, 'outbox', 'sms.jsonl')})`);
  }
  return env;
}

/**
 * The EHR is a local FHIR R4 server seeded with the demo patients (scripts/dev-stack/demo-ehr.ts)
 * unless FHIR_BASE_URL points at a real one. It lives in memory: each start seeds it afresh.
 */
async function startLocalEhr(): Promise<string> {
  if (process.env.FHIR_BASE_URL) {
    step('Using the EHR at FHIR_BASE_URL');
    return process.env.FHIR_BASE_URL;
  }
  const sandbox = await startFhirSandbox({ port: ports.fhir, seed: true });
  stopsInReverse.unshift({ name: 'FHIR sandbox', stop: sandbox.stop });
  step(`FHIR sandbox (demo EHR, in memory) on ${sandbox.baseUrl}`);
  return sandbox.baseUrl;
}

async function registerSearchAttributes(address: string, namespace: string): Promise<void> {
  try {
    const connection = await Connection.connect({ address });
    const added = await ensureSearchAttributes(connection, namespace);
    await connection.close();
    if (added.length) step(`Registered search attributes ${added.join(', ')}`);
  } catch (error) {
    step(`Could not check search attributes (${String(error)}); register them as the README explains.`);
  }
}

async function startDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) {
    step('Using PostgreSQL from DATABASE_URL');
    return process.env.DATABASE_URL;
  }
  step(`Starting embedded PostgreSQL on :${ports.postgres}...`);
  const logFile = join(dataDir, 'logs', 'postgres.log');
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: ports.postgres,
    password: developmentSecret(dataDir, 'postgres-password', randomSecret),
    persistent: true,
    log: (line) => appendFileSync(logFile, `${line}\n`),
  });
  stopsInReverse.unshift({ name: 'PostgreSQL', stop: postgres.stop });
  await postgres.createDatabaseIfMissing('carepath');
  return postgres.urlFor('carepath');
}

/** The codec server as the browser reaches it (the Web UI calls it from the page). */
function codecEndpoint(): string {
  return `http://localhost:${ports.api}/api/codec`;
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not report healthy at ${url} within 2 minutes.`);
}

function printWelcome(temporalUi: string, fhirBaseUrl: string): void {
  const api = `http://localhost:${ports.api}`;
  const keys = process.env.API_KEYS ? '(from API_KEYS)' : DEV_API_KEYS.split(',').join('  ');
  const config = loadConfig(stackEnv);
  const host = config.api.host;
  const views = temporalWebUiSavedViews(
    temporalUi,
    config.temporal.namespace,
    journeyModules.map((journey) => journey.id),
  );
  console.log(`
Carepath is running (${((Date.now() - started) / 1000).toFixed(1)} s).
${process.env.API_KEYS ? '' : `Demo API keys are active: development mode, the API listens on ${host} only.\n`}
  Designer        ${api}/
  API             ${api}/api
  API docs        ${api}/api/docs      (OpenAPI: ${api}/api/openapi.json)
  Health          ${api}/api/health
  Metrics         ${api}/api/metrics  and the worker's http://127.0.0.1:${ports.workerMetrics}/metrics  (this machine only)
  Temporal Web UI ${temporalUi}   (payloads encrypted; operators decode them, see README "Reading encrypted histories")
  Codec server    ${codecEndpoint()}
  Web UI views    open each once to save it in your browser; add the CarepathJourney, CarepathStage
                  and CarepathStatus columns with the table's settings icon (README "Temporal Web UI views")
${views.map((view) => `    ${view.name.padEnd(32)} ${view.url}`).join('\n')}
  API keys        ${keys}
  Data and logs   ${dataDir}
  Sent messages   ${join(dataDir, 'outbox')}   (email as .eml, SMS in sms.jsonl)
  EHR (FHIR R4)   ${fhirBaseUrl}

Demo patients:
${demoPatients.map((patient) => `  ${patient.id}  ${patient.story}`).join('\n')}

Demo EHR patients (FHIR sandbox):
${demoEhrPatients.map((patient) => `  ${patient.id}  ${patient.story}`).join('\n')}

Try:  curl -X POST ${api}/api/journeys -H 'Authorization: Bearer dev-operator-key' \\
        -H 'Content-Type: application/json' \\
        -d '{"journey":"preventive-outreach","patientId":"pat-1001","params":{"item":"flu-shot"}}'

Press Ctrl-C to stop everything.
`);
}

async function shutDown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  step('Stopping...');
  await Promise.all(children.map((child) => stopChild(child)));
  for (const { name, stop } of stopsInReverse) {
    try {
      await stop();
    } catch (error) {
      console.error(`[start] ${name} did not stop cleanly: ${String(error)}`);
    }
  }
  step('Stopped.');
  process.exit(exitCode);
}

// embedded-postgres installs an exit hook that stops PostgreSQL and exits on these signals, which
// would cut the ordered shutdown short and orphan the Temporal server: the orchestrator owns them.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutDown(0));
process.on('SIGTERM', () => void shutDown(0));
main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void shutDown(1);
});
