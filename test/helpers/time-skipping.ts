import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from '../../scripts/dev-stack/search-attributes';
import { TEST_STACK_ENV } from './test-stack';
import { testDataConverter } from './test-payload-encryption';

/**
 * Time-skipping server (the provisioned Java server when there is one, else the SDK's download)
 * with Carepath's search attributes registered and payloads encrypted, as on a real namespace.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = process.env[TEST_STACK_ENV.testServerPath];
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    ...(path ? { server: { executable: { type: 'existing-path', path } } } : {}),
    client: { dataConverter: testDataConverter },
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
