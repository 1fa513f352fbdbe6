import { Client } from '@temporalio/client';
import { loadProcessConfig } from '../config/app-config';
import { describePayloadEncryptionKey } from '../shared/payload-encryption/encryption-keys';
import { journeyDataConverter } from '../shared/payload-encryption/journey-data-converter';
import { ensureCohortFinderSchedule } from '../activities/cohort/cohort-schedule';
import { createDataSource } from '../persistence/data-source';
import { createFhirClient } from '../shared/ehr/http-fhir-client';
import { createEngagement } from '../activities/engagement/engagement-setup';
import { cohortEnrolment } from './cohort-enrolment';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { configuredSpanProcessor, installTracing } from '../shared/telemetry/tracing';
import { connectWorkerToTemporal, createJourneyWorker } from './create-worker';
import { installSdkMetrics, startWorkerMetricsServer } from './metrics-server';

/** The worker process: runs journey workflows and their activities until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const config = loadProcessConfig();
  const dataConverter = journeyDataConverter(config.payloadEncryption);
  const { cohort, telemetry } = config;
  // Before anything creates the SDK runtime (the first connection does).
  if (telemetry.workerMetrics) installSdkMetrics(telemetry.workerMetrics);
  const metrics = new CarepathMetrics();
  metrics.collectProcessMetrics('worker');
  const spans = configuredSpanProcessor(telemetry.tracesExporter);
  const tracing = spans ? installTracing('carepath-worker', spans) : undefined;
  const dataSource = await createDataSource(config.databaseUrl, 'carepath-worker').initialize();
  const engagement = createEngagement({
    dataSource,
    publicBaseUrl: config.publicBaseUrl,
    linkSigningKey: config.pseudonymKey,
    policy: config.engagementPolicy,
    channels: config.channels,
    ...(config.templatesDir ? { templatesDir: config.templatesDir } : {}),
  });
  const fhir = createFhirClient(config.ehr);
  const connection = await connectWorkerToTemporal(config.temporal);
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter,
    // The cohort finder's enrolments carry its activity's span to the journeys it starts.
    ...(tracing ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } } : {}),
  });
  // The cohort finder's journeys take what the EHR said before them, as the API's do (HZ-35).
  const { journeyStarter, keptEvents } = cohortEnrolment({
    dataSource,
    temporal: client,
    fhir,
    config,
    metrics,
  });
  const worker = await createJourneyWorker({
    connection,
    temporal: config.temporal,
    dataSource,
    dataConverter,
    engagement,
    cohortTimeZone: cohort.timeZone,
    ...(fhir ? { ehr: { fhir, pseudonymKey: config.pseudonymKey } } : {}),
    journeyStarter,
    keptEvents,
    metrics,
    ...(tracing ? { tracing } : {}),
  });
  // Without an EHR there is nobody to find: no schedule then (a stale one is removed). A server
  // refusing the schedule must not keep journeys from running: said in the log instead.
  const cohortSchedule = fhir ? cohort.schedule : undefined;
  const schedule = await ensureCohortFinderSchedule(client, {
    schedule: cohortSchedule,
    taskQueue: config.temporal.taskQueue,
  }).then(
    (outcome) =>
      cohortSchedule ? `${outcome}: "${cohortSchedule.cron}" ${cohortSchedule.timeZone}` : outcome,
    (error: unknown) => `NOT SET: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.log(`worker: channels ${engagement.channels.map(({ module }) => module.name).join(', ')}`);
  console.log(`worker: ${config.ehr ? `EHR at ${config.ehr.baseUrl}` : 'no EHR (FHIR_BASE_URL unset)'}`);
  console.log(`worker: cohort finder schedule ${schedule}`);
  console.log(
    `worker: payloads encrypted with key ${describePayloadEncryptionKey(config.payloadEncryption.active)}`,
  );
  const metricsServer = telemetry.workerMetrics
    ? await startWorkerMetricsServer({
        settings: telemetry.workerMetrics,
        metricsToken: telemetry.metricsToken,
        production: config.production,
        metrics,
      })
    : undefined;
  console.log(
    `worker: traces ${tracing ? `to ${telemetry.tracesExporter}` : 'off (OTEL_TRACES_EXPORTER unset)'}`,
  );
  console.log(
    `worker: ${metricsServer ? `metrics at ${metricsServer.url}` : 'no metrics listener (WORKER_METRICS_PORT unset)'}`,
  );
  console.log(
    `worker: polling task queue "${config.temporal.taskQueue}" in namespace "${config.temporal.namespace}" at ${config.temporal.address}`,
  );
  try {
    // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown that lets running activities finish.
    await worker.run();
  } finally {
    await metricsServer?.close();
    await connection.close();
    engagement.close();
    await dataSource.destroy();
    await tracing?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
