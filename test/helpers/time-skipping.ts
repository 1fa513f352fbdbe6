import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from '../../scripts/dev-stack/search-attributes';
import { TEST_STACK_ENV } from './test-stack';
import { testDataConverter } from './test-payload-encryption';

/**
 * Time-skipping server (the provisioned Java server when there is one, else the SDK's download)
 * with Carepath's search attributes registered and payloads encrypted, as on a real namespace.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await startServer();
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** How often a server that was slow to start is started again before the test fails. */
const START_ATTEMPTS = 3;

/**
 * The SDK gives the Java server 5 s to listen, a limit it does not let us change; on a machine
 * busy with other test files the JVM sometimes needs longer (seen once in a loaded run), so a
 * start that timed out is tried again on a fresh port.
 */
async function startServer(attempt = 1): Promise<TestWorkflowEnvironment> {
  const path = process.env[TEST_STACK_ENV.testServerPath];
  try {
    return await TestWorkflowEnvironment.createTimeSkipping({
      ...(path ? { server: { executable: { type: 'existing-path', path } } } : {}),
      client: { dataConverter: testDataConverter },
    });
  } catch (error) {
    const slowStart = error instanceof Error && /did not start within/.test(error.message);
    if (!slowStart || attempt >= START_ATTEMPTS) throw error;
    return startServer(attempt + 1);
  }
}
