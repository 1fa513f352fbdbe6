import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { createDataSource } from '../../../persistence/data-source';
import { createJourneyWorker } from '../../../worker/create-worker';
import { sandboxEngagement, type ProviderSandbox } from '../engagement-sandbox';
import { testDataConverter } from '../test-payload-encryption';
import {
  DRILL_WORKER_SETTINGS_ENV,
  WORKER_READY_LINE,
  type DrillWorkerSettings,
} from './drill-worker-settings';

/*
 * A journey worker in an OS process of its own, so a drill can SIGKILL it mid-flight. It runs
 * exactly what startApiStack runs in-process (same activities, engagement wiring and converter),
 * delivering to the drill's SMTP capture and SMS sink, which live in the test process and so
 * outlive every kill. Started by killable-worker.ts, which reads the ready line below.
 */

async function main(): Promise<void> {
  const settings = JSON.parse(process.env[DRILL_WORKER_SETTINGS_ENV] ?? '') as DrillWorkerSettings;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataSource = await createDataSource(settings.databaseUrl, 'carepath-drill-worker').initialize();
  // Only the environment is read from the sandbox: its servers are the test process's.
  const providers = { env: settings.providerEnv } as ProviderSandbox;
  const engagement = sandboxEngagement(dataSource, providers, undefined, settings.publicBaseUrl);
  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const worker = await createJourneyWorker({
    connection,
    temporal: { namespace: settings.namespace, taskQueue: settings.taskQueue },
    dataSource,
    dataConverter: testDataConverter,
    engagement,
    workflowBundle: { codePath: settings.workflowBundlePath },
  });
  const running = worker.run();
  console.log(WORKER_READY_LINE);
  try {
    await running;
  } finally {
    await connection.close();
    engagement.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`drill worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
