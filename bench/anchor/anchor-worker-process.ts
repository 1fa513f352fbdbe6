import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { journeyWorkerCoreOptions } from '../../worker/create-worker';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../../shared/payload-encryption/journey-data-converter';
import { testDataConverter } from '../../test/helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE } from '../../test/helpers/test-stack';
import { runChildProcess, serveUntilTold } from '../child-process-lifecycle';

/*
 * The anchor's worker (anchor.workflow.ts) in a process of its own, as the API + worker run in
 * theirs: its resident memory and CPU are then the anchor's alone. Same server, namespace,
 * worker core options (cache size included) and encrypting data converter as the journeys'
 * worker; only the workflow code differs. Started by bench-stack.ts.
 */

export interface AnchorWorkerSettings {
  taskQueue: string;
  workerMaxCachedWorkflows: number;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as AnchorWorkerSettings;
  // ERROR: it registers no activities, which the SDK warns of, as intended here.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address: stackValue('temporalAddress') });
  const worker = await Worker.create({
    ...journeyWorkerCoreOptions({
      connection,
      temporal: {
        namespace: TEST_NAMESPACE,
        taskQueue: settings.taskQueue,
        workerMaxCachedWorkflows: settings.workerMaxCachedWorkflows,
      },
      dataConverter: testDataConverter,
    }),
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./anchor.workflow'),
      failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
      logger: new DefaultLogger('WARN'),
    }),
  });
  const running = worker.run();
  serveUntilTold(async () => {
    worker.shutdown();
    await running;
    await connection.close();
  });
}

runChildProcess(main);
