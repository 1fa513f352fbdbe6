import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export interface InsertOnceResult {
  id: string;
  /** False when a row with this idempotency key already existed and nothing was written. */
  inserted: boolean;
}

/**
 * Inserts a row unless one with the same idempotency key exists (a unique column), and returns
 * the row's id either way: what makes a retried or replayed journey step write at most once.
 */
export async function insertOnce<Entity extends ObjectLiteral & { id: string; idempotencyKey: string }>(
  dataSource: DataSource,
  entity: EntityTarget<Entity>,
  /** Columns with database defaults (nullable ones, timestamps) may be left out. */
  values: Partial<Omit<Entity, 'id' | 'createdAt'>> & Pick<Entity, 'idempotencyKey'>,
): Promise<InsertOnceResult> {
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .orIgnore()
    .returning(['id'])
    .execute();
  const newId = (result.raw as Array<{ id: string }>)[0]?.id;
  if (newId) return { id: newId, inserted: true };
  const existing = await dataSource
    .getRepository(entity)
    .findOneByOrFail({ idempotencyKey: values.idempotencyKey } as never);
  return { id: existing.id, inserted: false };
}
