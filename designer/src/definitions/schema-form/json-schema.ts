/*
 * The few JSON Schema keywords zod's `toJSONSchema` writes for a journey definition, and what the
 * generated forms need from them: a variant's name, a value's variant, a new value's default.
 */

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  const?: unknown;
  enum?: readonly string[];
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  /** A record's values (a schema), or `false` for a closed object. */
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
}

export function variantsOf(schema: JsonSchema): readonly JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

/** An object schema with free keys (`z.record`): its values' schema. */
export function recordValuesOf(schema: JsonSchema): JsonSchema | undefined {
  return schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object'
    ? schema.additionalProperties
    : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` has the variant's shape, as far as telling variants apart needs. */
export function fitsVariant(value: unknown, schema: JsonSchema): boolean {
  if (schema.const !== undefined) return value === schema.const;
  switch (schema.type) {
    case 'object': {
      if (!isObject(value)) return false;
      const properties = schema.properties ?? {};
      if (!(schema.required ?? []).every((key) => key in value)) return false;
      if (schema.additionalProperties === false && Object.keys(value).some((key) => !(key in properties))) {
        return false;
      }
      return Object.entries(properties).every(
        ([key, property]) => property.const === undefined || value[key] === property.const,
      );
    }
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/** The index of the variant `value` is, or 0 (a value being typed is shown as the first). */
export function variantIndexOf(value: unknown, variants: readonly JsonSchema[]): number {
  const found = variants.findIndex((variant) => fitsVariant(value, variant));
  return found === -1 ? 0 : found;
}

/** How a variant is named in the choice between them: its title, its constant, or its own field. */
export function variantName(variant: JsonSchema, all: readonly JsonSchema[]): string {
  if (variant.title) return variant.title;
  const constant = Object.values(variant.properties ?? {}).find((property) => property.const !== undefined);
  if (constant) return String(constant.const);
  if (variant.const !== undefined) return String(variant.const);
  const own = (variant.required ?? []).find((key) =>
    all.every((other) => other === variant || !(other.required ?? []).includes(key)),
  );
  if (own) return variant.properties?.[own]?.title ?? own;
  if (variant.type === 'integer' || variant.type === 'number') return 'A number';
  if (variant.type === 'boolean') return 'Always / never';
  if (variant.type === 'object') return 'A rule';
  return variant.type ?? 'Value';
}

/** A new value of the schema: the least that is well-formed where that is possible. */
export function defaultOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  const variants = variantsOf(schema);
  if (variants?.[0]) return defaultOf(variants[0]);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, defaultOf(schema.properties?.[key] ?? {})]),
      );
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return schema.minimum ?? (schema.exclusiveMinimum === undefined ? 0 : schema.exclusiveMinimum + 1);
    case 'boolean':
      return false;
    default:
      return null;
  }
}
