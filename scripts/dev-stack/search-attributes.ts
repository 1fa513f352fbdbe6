import { status as grpcStatus } from '@grpc/grpc-js';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { carepathSearchAttributes } from '../../contracts/search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

/** The server's type for each kind of attribute Carepath declares: a new kind is a compile error here. */
const indexedTypes: Record<
  (typeof carepathSearchAttributes)[number]['type'],
  temporal.api.enums.v1.IndexedValueType
> = {
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * Registers Carepath's search attributes in a namespace, once. Works on the dev server, on a
 * self-hosted cluster and on the time-skipping test server (which can add attributes but not
 * list them). Temporal Cloud registers them through its own console or tcld.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const registered = await listRegistered(connection, namespace);
  const missing = carepathSearchAttributes.filter((key) => !registered?.has(key.name));
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, indexedTypes[key.type]])),
    });
  } catch (error) {
    if (registered || grpcCode(error) !== grpcStatus.ALREADY_EXISTS) throw error;
  }
  return missing.map((key) => key.name);
}

/** Undefined when the server cannot list (the test server): every attribute is then added blind. */
async function listRegistered(connection: Connection, namespace: string): Promise<Set<string> | undefined> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set(Object.keys(existing.customAttributes ?? {}));
  } catch (error) {
    if (grpcCode(error) === grpcStatus.UNIMPLEMENTED) return undefined;
    throw error;
  }
}

function grpcCode(error: unknown): number | undefined {
  return (error as { code?: number } | null)?.code;
}
