import { z } from 'zod';
import type { JourneyEvent } from '../journey-contract';
import { isTimeZone } from '../contract-fields';
import {
  duration,
  type JourneyDefinition,
  type SettingDeclaration,
  type SettingValue,
} from './definition-schema';

/*
 * What a published definition asks of whoever starts it, sends it events or tunes it, as the
 * schemas coded journeys declare in their contracts: the API checks requests against these and
 * the catalogue publishes them as JSON Schema. Pure: no I/O.
 */

/** The Temporal workflow type that runs every definition (workflows/definition-interpreter/). */
export const DEFINITION_JOURNEY_WORKFLOW_TYPE = 'definitionJourney';

/** What an enrolment may give; the starter adds the definition itself (workflow params). */
export function definitionParamsSchema(definition: JourneyDefinition) {
  return z
    .object({
      timeZone: z
        .string()
        .refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')
        .describe("The patient's time zone (the EHR's or the organisation's when not given)."),
      language: z
        .enum(definition.languages as [string, ...string[]])
        .optional()
        .describe("The patient's language, when known (the contact profile's wins at each send)."),
      values: z
        .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/), z.string().max(500))
        .optional()
        .describe('Values the wording may name, such as schedulingUrl.'),
    })
    .strict();
}

/** Program settings as declared: each one optional, its declared default filling it in. */
export function definitionSettingsSchema(definition: JourneyDefinition): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(definition.settings).map(([name, declared]) => [name, settingSchema(declared)]),
  );
  return z.object(shape).strict();
}

function settingSchema(declared: SettingDeclaration): z.ZodType<SettingValue> {
  const described = <T extends z.ZodType>(schema: T) =>
    schema.meta({
      title: declared.title,
      ...(declared.description ? { description: declared.description } : {}),
    });
  switch (declared.type) {
    case 'duration':
      return described(duration.default(declared.default));
    case 'days':
      return described(z.number().int().min(0).default(declared.default));
    case 'number': {
      let number = z.number();
      if (declared.min !== undefined) number = number.min(declared.min);
      if (declared.max !== undefined) number = number.max(declared.max);
      return described(number.default(declared.default));
    }
    case 'boolean':
      return described(z.boolean().default(declared.default));
    case 'text':
      return described(z.string().default(declared.default));
  }
}

const fieldSchemas = {
  string: z.string(),
  number: z.number(),
  boolean: z.boolean(),
  date: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date'),
} as const;

/** The events a definition declares, each with its declared fields' types; other fields pass. */
export function definitionEventSchema(definition: JourneyDefinition): z.ZodType<JourneyEvent> {
  const declared = definition.events.map((event) =>
    z
      .object({
        type: z.literal(event.type).meta({ title: event.label }),
        ...Object.fromEntries(
          Object.entries(event.fields ?? {}).map(([field, type]) => [field, fieldSchemas[type].optional()]),
        ),
      })
      .passthrough(),
  );
  if (declared.length === 0) return z.never() as unknown as z.ZodType<JourneyEvent>;
  const [first, ...rest] = declared;
  const union = rest.length === 0 ? first! : z.union([first!, ...rest] as [typeof first, ...typeof rest]);
  return union as unknown as z.ZodType<JourneyEvent>;
}

/**
 * The events schema as JSON Schema, as the catalogue publishes a journey type's: what the
 * designer's send-event form is built from for a journey pinned to an older version.
 */
export function definitionEventJsonSchema(definition: JourneyDefinition): Record<string, unknown> {
  // Refinements (a date field's check) cannot be expressed in JSON Schema; the API still enforces them.
  return z.toJSONSchema(definitionEventSchema(definition), { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
