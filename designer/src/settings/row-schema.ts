import { enumOptions, numberRules, schemaDescription, schemaTitle } from './schema-lookup';
import type { JsonSchema } from './settings-api';

/*
 * The rows of a list of objects (escalation steps, deadline rules), read from the list's JSON
 * Schema: which fields a row has, and, for a list of several kinds of row (a message step or a
 * staff call), which field tells them apart and what each kind holds.
 */

export type RowFieldKind = 'number' | 'choice' | 'yes-no' | 'text' | 'choices' | 'list-text';

export interface RowField {
  key: string;
  /** "Respond within (hours)". */
  label: string;
  description?: string;
  kind: RowFieldKind;
  required: boolean;
  options?: readonly string[];
  integer?: boolean;
  min?: number;
  max?: number;
}

export interface RowShape {
  /** The field and value that select this kind of row, when the list has several kinds. */
  discriminator?: { key: string; value: string };
  fields: RowField[];
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;

export function labelWithUnit(title: string, node: JsonSchema | undefined): string {
  const unit = typeof node?.unit === 'string' ? node.unit : undefined;
  return unit ? `${title} (${unit})` : title;
}

function rowField(key: string, node: JsonSchema, required: boolean): RowField {
  const base = {
    key,
    label: labelWithUnit(schemaTitle(node) ?? key, node),
    description: schemaDescription(node),
    required,
  };
  if (node.type === 'boolean') return { ...base, kind: 'yes-no' };
  if (node.type === 'number' || node.type === 'integer')
    return { ...base, kind: 'number', ...numberRules(node) };
  if (node.type === 'array') {
    const options = enumOptions(asSchema(node.items));
    return options ? { ...base, kind: 'choices', options } : { ...base, kind: 'list-text' };
  }
  const options = enumOptions(node);
  return options ? { ...base, kind: 'choice', options } : { ...base, kind: 'text' };
}

function objectBranches(node: JsonSchema): JsonSchema[] {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = node[keyword];
    if (Array.isArray(list))
      return list.map(asSchema).filter((branch) => branch?.type === 'object') as JsonSchema[];
  }
  return node.type === 'object' ? [node] : [];
}

/** The kinds of row a list's items schema allows; empty when its items are not objects. */
export function rowShapes(listNode: JsonSchema | undefined): RowShape[] {
  const items = asSchema(listNode?.items);
  const branches = items ? objectBranches(items) : [];
  const discriminatorKey =
    branches.length > 1
      ? Object.keys(asSchema(branches[0]!.properties) ?? {}).find((key) =>
          branches.every((branch) => typeof asSchema(asSchema(branch.properties)?.[key])?.const === 'string'),
        )
      : undefined;
  return branches.map((branch) => {
    const properties = asSchema(branch.properties) ?? {};
    const required = new Set(Array.isArray(branch.required) ? branch.required : []);
    const fields = Object.entries(properties)
      .filter(([key]) => key !== discriminatorKey)
      .map(([key, node]) => rowField(key, asSchema(node) ?? {}, required.has(key)));
    if (!discriminatorKey) return { fields };
    const value = asSchema(properties[discriminatorKey])!.const as string;
    return { discriminator: { key: discriminatorKey, value }, fields };
  });
}

export function shapeOf(shapes: readonly RowShape[], row: Record<string, unknown>): RowShape | undefined {
  return (
    shapes.find(
      (shape) => !shape.discriminator || row[shape.discriminator.key] === shape.discriminator.value,
    ) ?? shapes[0]
  );
}

function startValue(field: RowField): unknown {
  switch (field.kind) {
    case 'number':
      return field.min ?? 0;
    case 'choice':
      return field.options?.[0] ?? '';
    case 'yes-no':
      return false;
    case 'choices':
    case 'list-text':
      return [];
    default:
      return '';
  }
}

/**
 * A new row of this kind: required fields get a starting value, optional ones stay unset; what
 * `keep` already holds (the row being switched to another kind) stays where both kinds have it.
 */
export function rowOfShape(shape: RowShape, keep: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = shape.discriminator
    ? { [shape.discriminator.key]: shape.discriminator.value }
    : {};
  for (const field of shape.fields) {
    if (field.key in keep) row[field.key] = keep[field.key];
    else if (field.required) row[field.key] = startValue(field);
  }
  return row;
}
