import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../persistence/data-source';
import { SMS_INBOUND_PATH } from '../shared/engagement/delivery-links';
import { startProviderSandbox } from '../test/helpers/engagement-sandbox';
import { startStackWorker } from '../test/helpers/stack-worker';
import { runChildProcess, serveUntilTold } from './child-process-lifecycle';

/*
 * The journeys' worker in a process of its own, beside the API's (api-stack-process.ts), as
 * production runs worker/main.ts beside api/main.ts: the API's event loop and core are then not
 * shared with workflow tasks and activities, and each process's CPU and memory are its own. Same
 * configuration as the API's (its task queue, database, pseudonym key and cache size), the test
 * stack's worker (startStackWorker) on a provider sandbox of its own. Started by bench-stack.ts.
 */

export interface WorkerSettings {
  /** The API's configuration environment (StackReady.configEnv). */
  configEnv: Record<string, string>;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerSettings;
  // The worker's state changes would interleave with the benchmark's tables.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig(settings.configEnv);
  const dataSource = await createDataSource(config.databaseUrl, 'carepath-bench-worker').initialize();
  const providers = await startProviderSandbox({
    inboundWebhookUrl: `${config.publicBaseUrl}${SMS_INBOUND_PATH}`,
  });
  const worker = await startStackWorker({ config, dataSource, providers });
  serveUntilTold(async () => {
    await worker.close();
    await providers.close();
    await dataSource.destroy();
  });
}

runChildProcess(main);
