/**
 * The events a journey accepts, read from its JSON Schema (`eventSchema` of the journey type):
 * one form per event type, one field per property. Every event of Carepath's journeys has
 * primitive fields (text, dates, numbers, a list of choices); anything else is typed as JSON.
 * People read the schema's `title`, `description` and `unit` (the journeys declare them with
 * zod's `.meta()`); a field without a title is named from its key in words, never shown raw.
 */
import type { JourneyEvent } from '../api';

export type EventFieldKind = 'text' | 'date-time' | 'date' | 'number' | 'integer' | 'choice' | 'json';

export interface EventField {
  name: string;
  /** What people call it ("When it happened"). */
  label: string;
  kind: EventFieldKind;
  required: boolean;
  description?: string;
  /** The unit a number is in ("days"). */
  unit?: string;
  choices?: string[];
}

export interface EventForm {
  type: string;
  /** What people call the event ("Treatment started"). */
  label: string;
  fields: EventField[];
}

type Schema = Record<string, unknown>;

export function eventForms(eventSchema: Schema): EventForm[] {
  const variants = (eventSchema.oneOf ?? eventSchema.anyOf ?? [eventSchema]) as Schema[];
  return variants.flatMap((variant) => {
    const properties = (variant.properties ?? {}) as Record<string, Schema>;
    const type = properties.type?.const;
    if (typeof type !== 'string') return [];
    const required = new Set((variant.required ?? []) as string[]);
    const fields = Object.entries(properties)
      .filter(([name]) => name !== 'type')
      .map(([name, schema]) => toField(name, schema, required.has(name)));
    return [{ type, label: titleOf(variant, type), fields }];
  });
}

function toField(name: string, schema: Schema, required: boolean): EventField {
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const unit = typeof schema.unit === 'string' ? schema.unit : undefined;
  const base = {
    name,
    label: titleOf(schema, name),
    required,
    ...(description ? { description } : {}),
    ...(unit ? { unit } : {}),
  };
  if (Array.isArray(schema.enum)) return { ...base, kind: 'choice', choices: schema.enum.map(String) };
  if (schema.type === 'number') return { ...base, kind: 'number' };
  if (schema.type === 'integer') return { ...base, kind: 'integer' };
  if (schema.type === 'string' && schema.format === 'date-time') return { ...base, kind: 'date-time' };
  if (schema.type === 'string' && schema.format === 'date') return { ...base, kind: 'date' };
  if (schema.type === 'string') return { ...base, kind: 'text' };
  return { ...base, kind: 'json' };
}

function titleOf(schema: Schema, key: string): string {
  return typeof schema.title === 'string' && schema.title.trim() ? schema.title : inWords(key);
}

/** `presentedAt`, `clock-started` → "Presented at", "Clock started". */
export function inWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type BuiltEvent = { ok: true; event: JourneyEvent } | { ok: false; problems: FieldProblem[] };
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The event to send from what was typed: empty optional fields are left out (the journey
 * applies its defaults, e.g. "now"); a local date and time becomes an instant with its offset.
 */
export function buildEvent(form: EventForm, values: Record<string, string>): BuiltEvent {
  const event: JourneyEvent = { type: form.type };
  const problems: FieldProblem[] = [];
  for (const field of form.fields) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') {
      if (field.required) problems.push({ field: field.name, message: `${field.label} is required` });
      continue;
    }
    const value = parseValue(field, raw);
    if (value === undefined) problems.push({ field: field.name, message: problemOf(field) });
    else event[field.name] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, event };
}

function parseValue(field: EventField, raw: string): unknown {
  switch (field.kind) {
    case 'number': {
      const number = Number(raw);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'integer': {
      const number = Number(raw);
      return Number.isInteger(number) ? number : undefined;
    }
    case 'date-time': {
      // <input type="datetime-local"> gives wall-clock time in this browser's time zone.
      const instant = new Date(raw);
      return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
    }
    case 'json':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return undefined;
      }
    default:
      return raw;
  }
}

function problemOf(field: EventField): string {
  switch (field.kind) {
    case 'number':
      return `${field.label} must be a number`;
    case 'integer':
      return `${field.label} must be a whole number`;
    case 'date-time':
      return `${field.label} must be a date and time`;
    default:
      return `${field.label} must be valid JSON`;
  }
}
