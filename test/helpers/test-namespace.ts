import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { ensureSearchAttributes } from '../../scripts/dev-stack/search-attributes';
import { stackValue, uniqueName } from './test-stack';

/** How long the dev server may take to serve a namespace it just registered (its cache refreshes). */
const SERVED_WITHIN_MS = 30_000;

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
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    await ensureSearchAttributes(connection, namespace);
    await untilServed(connection, namespace);
    return namespace;
  } finally {
    await connection.close();
  }
}

/**
 * The frontend learns of a new namespace when its namespace cache refreshes (seconds later);
 * until then calls fail as "not found" and clients retry them, even past a test's end.
 */
async function untilServed(connection: Connection, namespace: string): Promise<void> {
  const deadline = Date.now() + SERVED_WITHIN_MS;
  for (;;) {
    try {
      await connection.workflowService.countWorkflowExecutions({ namespace, query: '' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
