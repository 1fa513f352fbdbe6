import { loadConfig } from '../config/app-config';
import { createDataSource } from '../activities/database/data-source';
import { createEngagement } from '../activities/engagement/engagement-setup';
import { connectWorkerToTemporal, createJourneyWorker } from './create-worker';

/** The worker process: runs journey workflows and their activities until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl, 'carepath-worker').initialize();
  const engagement = createEngagement({
    dataSource,
    publicBaseUrl: config.publicBaseUrl,
    linkSigningKey: config.pseudonymKey,
  });
  const connection = await connectWorkerToTemporal(config.temporal);
  const worker = await createJourneyWorker({ connection, temporal: config.temporal, dataSource, engagement });
  console.log(`worker: channels ${Object.keys(engagement.adapters).join(', ')}`);
  console.log(
    `worker: polling task queue "${config.temporal.taskQueue}" in namespace "${config.temporal.namespace}" at ${config.temporal.address}`,
  );
  try {
    // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown that lets running activities finish.
    await worker.run();
  } finally {
    await connection.close();
    engagement.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
