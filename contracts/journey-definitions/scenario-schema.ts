import { z } from 'zod';
import { isTimeZone } from '../contract-fields';
import type { DefinitionReadingLevel } from './definition-schema';

/*
 * A saved scenario: a synthetic patient and a script of what happens to them, kept with the
 * definition so every change to the draft can be run against it again (issue 22, point 4). No
 * real patient: the designer makes the patient up. The interpreter never reads scenarios.
 */

export const scenarioChannels = ['email', 'sms', 'portal'] as const;
// The definition's levels (a type import: definition-schema imports this file).
const readingLevels = ['plain', 'standard'] as const satisfies readonly DefinitionReadingLevel[];

const HOUR_OF_DAY = z.number().int().min(0).max(23);

export const syntheticPatientSchema = z
  .object({
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as es or es-MX')
      .meta({ title: 'Language' }),
    readingLevel: z.enum(readingLevels).meta({ title: 'Reading level' }),
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')
      .meta({ title: 'Time zone (IANA)' }),
    channels: z
      .array(z.object({ channel: z.enum(scenarioChannels), consent: z.boolean() }).strict())
      .meta({ title: 'Channels in order of preference, each with or without consent' }),
    /** A local date and time in the patient's zone: `2026-03-02T09:00`. */
    enrolledAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time such as 2026-03-02T09:00')
      .meta({ title: 'Enrolled at (local date and time)' }),
  })
  .strict()
  .meta({ title: 'Synthetic patient' });
export type SyntheticPatientSpec = z.infer<typeof syntheticPatientSchema>;

const when = {
  day: z.number().int().min(0).max(3660).meta({ title: 'Day after enrolment' }),
  hour: HOUR_OF_DAY.optional().meta({ title: "Hour (the patient's local time; default 09:00)" }),
};
const reason = z.string().min(1).meta({ title: 'Reason' });

/** One dated line: nothing happening ("no reading for 3 days") is simply no line. */
export const scenarioLineSchema = z.union([
  z
    .object({
      ...when,
      event: z
        .object({ type: z.string().min(1).meta({ title: 'Event type' }) })
        .catchall(z.union([z.string(), z.number(), z.boolean()]))
        .meta({ title: 'Event with its fields' }),
    })
    .strict(),
  z
    .object({
      ...when,
      taskOutcome: z
        .object({ node: z.string().min(1), outcome: z.string().min(1) })
        .strict()
        .meta({ title: 'Staff complete the task at a node' }),
    })
    .strict(),
  z.object({ ...when, pause: reason }).strict(),
  z.object({ ...when, resume: reason }).strict(),
  z.object({ ...when, cancel: reason }).strict(),
]);
export type ScenarioLine = z.infer<typeof scenarioLineSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ title: 'Name' }),
    patient: syntheticPatientSchema,
    script: z.array(scenarioLineSchema).max(500).meta({ title: 'Script' }),
    months: z.number().int().min(1).max(24).optional().meta({ title: 'Months to run (default 6)' }),
    /** Values the wording names (`{{schedulingUrl}}`), as an enrolment would pass them. */
    values: z.record(z.string(), z.string()).optional().meta({ title: 'Values the wording names' }),
  })
  .strict()
  .meta({ title: 'Saved scenario' });
export type Scenario = z.infer<typeof scenarioSchema>;

export const DEFAULT_SCENARIO_MONTHS = 6;
