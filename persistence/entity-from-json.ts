import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row PostgreSQL gave as JSON (`row_to_json`, `json_agg`): how several tables
 * are read in one statement. Each column is hydrated as TypeORM hydrates it from a plain row
 * (timestamps become Dates), keyed by its database name as `row_to_json` writes it.
 */
export function entityFromJson<Entity extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<Entity>,
  row: Record<string, unknown>,
): Entity {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as Entity;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    const value = dataSource.driver.prepareHydratedValue(row[column.databaseName], column) as unknown;
    (entity as Record<string, unknown>)[column.propertyName] = value;
  }
  return entity;
}
