import { status as grpcStatus } from '@grpc/grpc-js';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { ensureSearchAttributes } from '../../scripts/dev-stack/search-attributes';
import { stackValue, uniqueName } from './test-stack';

/** How long a server may take to serve a namespace it just registered (its cache refreshes). */
const SERVED_WITHIN_MS = 30_000;

/**
 * A namespace of its own on the shared dev server, with Carepath's search attributes: for tests
 * that count journeys, which other test files (sharing the test namespace) would otherwise add to.
 */
export async function createTestNamespace(prefix: string): Promise<string> {
  const namespace = uniqueName(prefix);
  await ensureNamespace(stackValue('temporalAddress'), namespace);
  return namespace;
}

/** Registers the namespace if the server lacks it (an external cluster), with the search attributes. */
export async function ensureNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs('1 day'),
      });
    } catch (error) {
      if ((error as { code?: number }).code !== grpcStatus.ALREADY_EXISTS) throw error;
    }
    await ensureSearchAttributes(connection, namespace);
    await untilServed(connection, namespace);
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
