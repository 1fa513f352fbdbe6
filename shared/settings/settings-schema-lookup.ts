/*
 * Reading a settings JSON Schema (z.toJSONSchema, io "input") by a zod issue path: the title and
 * unit a program manager knows a field by. Array indices step into `items`; a union (escalation
 * steps are a message or a staff call) is searched branch by branch.
 */

export type JsonSchemaNode = Record<string, unknown>;

const COMBINATORS = ['anyOf', 'oneOf', 'allOf'] as const;

function asNode(value: unknown): JsonSchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchemaNode)
    : undefined;
}

function variants(node: JsonSchemaNode): JsonSchemaNode[] {
  const branches = COMBINATORS.flatMap((keyword) => {
    const list = node[keyword];
    return Array.isArray(list) ? list.map(asNode).filter((branch) => branch !== undefined) : [];
  });
  return [node, ...branches.flatMap(variants)];
}

function child(node: JsonSchemaNode, key: PropertyKey): JsonSchemaNode | undefined {
  const found = variants(node);
  if (typeof key === 'number') return found.map((variant) => asNode(variant.items)).find(Boolean);
  const name = String(key);
  return (
    found.map((variant) => asNode(asNode(variant.properties)?.[name])).find(Boolean) ??
    found.map((variant) => asNode(variant.additionalProperties)).find(Boolean)
  );
}

export function schemaNodeAt(
  root: JsonSchemaNode | undefined,
  path: readonly PropertyKey[],
): JsonSchemaNode | undefined {
  let node = root;
  for (const key of path) node = node && child(node, key);
  return node;
}

function firstOf(node: JsonSchemaNode, keyword: string): string | undefined {
  for (const variant of variants(node)) {
    const value = variant[keyword];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** "Respond within (hours)": the title, with the unit when the schema gives one. */
export function fieldName(node: JsonSchemaNode | undefined): string | undefined {
  const title = node && firstOf(node, 'title');
  if (!title) return undefined;
  const unit = firstOf(node, 'unit');
  return unit ? `${title} (${unit})` : title;
}
