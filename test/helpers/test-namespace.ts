import { Connection } from '@temporalio/client';
import { ensureSearchAttributes } from '../../scripts/dev-stack/search-attributes';
import { stackValue, uniqueName } from './test-stack';

/**
 * A namespace of its own on the shared dev server, with Carepath's search attributes: for tests
 * that count journeys, which other test files (sharing the test namespace) would otherwise add to.
 */
export async function createTestNamespace(prefix: string): Promise<string> {
  const namespace = uniqueName(prefix);
  const connection = await Connection.connect({ address: stackValue('temporalAddress') });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: { seconds: 24 * 60 * 60 },
    });
    await ensureSearchAttributes(connection, namespace);
    return namespace;
  } finally {
    await connection.close();
  }
}
