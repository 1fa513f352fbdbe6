import type { JsonSchema } from './settings-api';

/*
 * Reading the settings JSON Schema (zod's output, io "input") for what the values alone cannot
 * say: enum choices, integer-ness, bounds, titles and descriptions. The schema only helps: when
 * a path cannot be found in it, the screen falls back on the value's own type.
 */

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** The node itself and every branch of its allOf/anyOf/oneOf, nested ones included. */
function variants(node: JsonSchema): JsonSchema[] {
  const branches = COMBINATORS.flatMap((keyword) => {
    const list = node[keyword];
    return Array.isArray(list) ? list.map(asSchema).filter((branch) => branch !== undefined) : [];
  });
  return [node, ...branches.flatMap(variants)];
}

function childSchema(node: JsonSchema, key: string): JsonSchema | undefined {
  const found = variants(node);
  const property = found.map((variant) => asSchema(asSchema(variant.properties)?.[key])).find(Boolean);
  // A record (`z.record`) describes every key with additionalProperties.
  return property ?? found.map((variant) => asSchema(variant.additionalProperties)).find(Boolean);
}

/** The schema node of a dotted settings path, or undefined when the schema does not describe it. */
export function schemaAt(root: JsonSchema | undefined, path: string): JsonSchema | undefined {
  let node = root;
  for (const key of path.split('.')) node = node && childSchema(node, key);
  return node;
}

function firstString(node: JsonSchema, keyword: 'title' | 'description'): string | undefined {
  // A nullable or refined setting keeps its title on a branch, so branches are searched too.
  for (const variant of variants(node)) {
    const value = variant[keyword];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

export function schemaTitle(node: JsonSchema | undefined): string | undefined {
  return node && firstString(node, 'title');
}

export function schemaDescription(node: JsonSchema | undefined): string | undefined {
  return node && firstString(node, 'description');
}

/** The string choices of an enum (or a union of consts), or undefined when the value is free. */
export function enumOptions(node: JsonSchema | undefined): string[] | undefined {
  if (!node) return undefined;
  const options = new Set<string>();
  let open = false;
  const leaves = variants(node).filter((variant) => !COMBINATORS.some((keyword) => keyword in variant));
  for (const variant of leaves) {
    if (Array.isArray(variant.enum)) {
      for (const option of variant.enum) if (typeof option === 'string') options.add(option);
    } else if (typeof variant.const === 'string') {
      options.add(variant.const);
    } else if (variant.type !== 'null') {
      open = true;
    }
  }
  return open || options.size === 0 ? undefined : [...options];
}

export interface NumberRules {
  integer: boolean;
  min?: number;
  max?: number;
}

export function numberRules(node: JsonSchema | undefined): NumberRules {
  const found = node ? variants(node) : [];
  const numeric = (keyword: string) =>
    found.map((variant) => variant[keyword]).find((value): value is number => typeof value === 'number');
  return {
    integer: found.some((variant) => variant.type === 'integer'),
    min: numeric('minimum'),
    max: numeric('maximum'),
  };
}
