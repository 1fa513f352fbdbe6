import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createTimeSkippingEnvironment } from '../../test/helpers/time-skipping';
import { testDataConverter } from '../../test/helpers/test-payload-encryption';

/**
 * The reducer is shared by the workflow and the simulator: it must bundle (json-logic-js
 * included) and run in the workflow sandbox as it runs in Node.
 */
describe('the definition interpreter in the workflow sandbox', () => {
  test('bundles and runs a definition to the same commands as in Node', async () => {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../test/fixtures/definition-interpreter.workflow'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: console.error,
      },
    });
    const env = await createTimeSkippingEnvironment();
    try {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: 'definition-interpreter-sandbox',
        workflowBundle,
        dataConverter: testDataConverter,
      });
      const result = await worker.runUntil(
        env.client.workflow.execute('interpreterInSandbox', {
          taskQueue: 'definition-interpreter-sandbox',
          workflowId: `definition-interpreter-sandbox-${Date.now()}`,
        }),
      );
      expect(result).toEqual({
        stage: 'calling',
        commands: ['send-message', 'start-timer', 'record', 'set-stage', 'create-task'],
        dueAt: '2026-03-10T23:00:00.000Z',
      });
    } finally {
      await env.teardown();
    }
  });
});
