import type { z } from 'zod';
import type { Channel } from '../../activities/outreach/send-message';
import { isoInstant, timeZoneField } from '../../contracts/contract-fields';
import { lazySchema, type ZodApi } from '../../contracts/lazy-schema';
import {
  DIAGNOSTIC_RANGES,
  MINIMUM_AGE_YEARS,
  PREDIABETES_CONDITION_CODES,
  rangeIn,
  type DiagnosticMetric,
} from './prediabetes-care.clinical';

/** Parameters and events of the prediabetes-care journey (its program settings: prediabetes-care.settings.ts). */
export const PREDIABETES_CARE = 'prediabetes-care';

/** The channels a prediabetes-care message may take (params and program settings). */
export const prediabetesCareChannels = [
  'portal',
  'email',
  'sms',
  'letter',
] as const satisfies readonly Channel[];
const pastInstant = (z: ZodApi) =>
  isoInstant(z).refine((value) => Date.parse(value) <= Date.now(), 'must not be in the future');

// --- start parameters ------------------------------------------------------------------------

const testEntry = <Kind extends string>(z: ZodApi, kind: Kind, metric: DiagnosticMetric) => {
  const range = DIAGNOSTIC_RANGES[metric];
  return z
    .object({
      kind: z.literal(kind),
      value: z.number().describe(`The ${range.label} result, in \`unit\`.`),
      unit: z
        .enum([range.unit, range.otherUnit.unit])
        .optional()
        .describe(
          `The unit the laboratory reported (${range.unit} when absent): the value is compared with the ADA range in that unit, never converted.`,
        ),
      at: pastInstant(z).optional().describe('When the sample was taken (ISO 8601 with offset).'),
    })
    .strict()
    .superRefine(({ value, unit }, context) => {
      const limits = rangeIn(metric, unit)!;
      const inRange = `the prediabetes range is ${limits.prediabetesFrom} to below ${limits.diabetesFrom} ${limits.unit}`;
      if (value >= limits.diabetesFrom) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: `is in the diabetes range (${range.label} >= ${limits.diabetesFrom} ${limits.unit}): this patient belongs in diabetes care, not the prevention program`,
        });
      } else if (value < limits.prediabetesFrom) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: `is below the prediabetes range (${inRange})`,
        });
      }
    });
};

const entry = (z: ZodApi) =>
  z
    .discriminatedUnion('kind', [
      testEntry(z, 'hba1c', 'hba1c-percent'),
      testEntry(z, 'fasting-glucose', 'fasting-glucose-mg-dl'),
      testEntry(z, 'ogtt', 'ogtt-mg-dl'),
      z
        .object({
          kind: z.literal('condition'),
          code: z
            .enum(PREDIABETES_CONDITION_CODES)
            .optional()
            .describe('ICD-10-CM R73.03 or SNOMED CT 714628002.'),
          at: pastInstant(z).optional().describe('When the condition was recorded.'),
        })
        .strict(),
    ])
    .describe(
      'What qualifies the patient: a test result in the ADA prediabetes range, or a prediabetes condition.',
    );

export const prediabetesCareParams = lazySchema((z) =>
  z
    .object({
      entry: entry(z),
      baselineWeightKg: z
        .number()
        .min(25)
        .max(350)
        .optional()
        .describe(
          'Weight at enrolment; the first weight reading when absent. Weight loss is measured from it.',
        ),
      ageYears: z
        .number()
        .int()
        .min(MINIMUM_AGE_YEARS, `the program is for adults (${MINIMUM_AGE_YEARS} or older, CDC National DPP)`)
        .max(120)
        .optional()
        .describe('Age at enrolment; with BMI, decides whether a clinician is asked to consider metformin.'),
      bmi: z.number().min(10).max(100).optional().describe('Body-mass index at enrolment (kg/m2).'),
      priorGestationalDiabetes: z.boolean().optional().describe('History of gestational diabetes.'),
      timeZone: timeZoneField(z, 'UTC', 'word dates'),
      channel: z
        .enum(prediabetesCareChannels)
        .optional()
        .describe("The patient's preferred channel; the program setting when absent."),
    })
    .strict(),
);

export type PrediabetesCareParams = z.output<ReturnType<typeof prediabetesCareParams>>;

// --- events ----------------------------------------------------------------------------------

export const readingMetrics = [
  'weight-kg',
  'fasting-glucose-mg-dl',
  'hba1c-percent',
  'ogtt-mg-dl',
  'activity-minutes',
  'random-glucose-mg-dl',
] as const;
/**
 * What was measured. The suffix names the default unit; a reading may give another accepted unit
 * (`READING_UNITS`), and its value is then in that unit. `random-glucose-mg-dl` is a plasma glucose
 * with no documented fast (LOINC 2345-7 without one): it never diagnoses.
 */
export type ReadingMetric = (typeof readingMetrics)[number];

type Bounds = { min: number; max: number };

/**
 * Accepted units per metric and their plausible values: anything outside is a unit mix-up or a
 * typo, never a reading. Glucose bounds are wide on purpose: a true severe hypoglycaemia (meters
 * read down to about 10 mg/dL) or hyperosmolar value (over 1,000 mg/dL) must reach a clinician,
 * not be refused as implausible.
 */
export const READING_UNITS: Record<ReadingMetric, Record<string, Bounds>> = {
  'weight-kg': { kg: { min: 25, max: 350 } },
  'fasting-glucose-mg-dl': { 'mg/dL': { min: 10, max: 2000 }, 'mmol/L': { min: 0.5, max: 111 } },
  'random-glucose-mg-dl': { 'mg/dL': { min: 10, max: 2000 }, 'mmol/L': { min: 0.5, max: 111 } },
  // IFCC mmol/mol bounds are the % bounds through the IFCC-NGSP master equation.
  'hba1c-percent': { '%': { min: 3, max: 20 }, 'mmol/mol': { min: 9, max: 195 } },
  'ogtt-mg-dl': { 'mg/dL': { min: 10, max: 2000 }, 'mmol/L': { min: 0.5, max: 111 } },
  // Minutes of moderate activity since the last activity log: at most a week of them.
  'activity-minutes': { min: { min: 0, max: 7 * 24 * 60 } },
};

/** Each metric's default unit: the one its name carries. */
export const DEFAULT_UNITS: Record<ReadingMetric, string> = {
  'weight-kg': 'kg',
  'fasting-glucose-mg-dl': 'mg/dL',
  'random-glucose-mg-dl': 'mg/dL',
  'hba1c-percent': '%',
  'ogtt-mg-dl': 'mg/dL',
  'activity-minutes': 'min',
};

/** Plausible values per metric in its default unit. */
export const READING_BOUNDS = Object.fromEntries(
  readingMetrics.map((metric) => [metric, READING_UNITS[metric][DEFAULT_UNITS[metric]]!]),
) as Record<ReadingMetric, Bounds>;

/**
 * How a value was measured (clinical-safety brief; ADA section 2): only a `laboratory` value may
 * diagnose. `point-of-care` and `home` meters and `patient-reported` values monitor. A reading
 * that does not say is a monitoring value: it can never start or settle a diagnosis.
 */
export const measurementSources = ['laboratory', 'point-of-care', 'home', 'patient-reported'] as const;
export type MeasurementSource = (typeof measurementSources)[number];

const readingEvent = (z: ZodApi) =>
  z
    .object({
      type: z.literal('reading'),
      metric: z.enum(readingMetrics).meta({ title: 'Measurement' }),
      value: z
        .number()
        .describe(
          "The value as measured: in the measurement's own unit (in its name) unless a unit is given.",
        )
        .meta({ title: 'Value' }),
      unit: z
        .string()
        .optional()
        .describe("The unit of the value as received (UCUM); the measurement's own unit when absent.")
        .meta({ title: 'Unit' }),
      source: z
        .enum(measurementSources)
        .optional()
        .describe(
          'How it was measured: only a laboratory value may diagnose; absent means a monitoring value.',
        )
        .meta({ title: 'Measured by' }),
      code: z
        .string()
        .max(200)
        .optional()
        .describe('The code as received, `system|code` (e.g. `http://loinc.org|4548-4`).')
        .meta({ title: 'Code' }),
      at: isoInstant(z)
        .optional()
        .describe('When it was measured; when the event arrives if absent.')
        .meta({ title: 'Measured at' }),
    })
    .strict()
    .superRefine(({ metric, value, unit, source, at }, context) => {
      const units = READING_UNITS[metric];
      const bounds = units[unit ?? DEFAULT_UNITS[metric]];
      if (!bounds) {
        context.addIssue({
          code: 'custom',
          path: ['unit'],
          message: `${metric} is accepted in ${Object.keys(units).join(' or ')}`,
        });
      } else if (value < bounds.min || value > bounds.max) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: `${metric} must be between ${bounds.min} and ${bounds.max} ${unit ?? DEFAULT_UNITS[metric]}`,
        });
      }
      if (source === 'laboratory' && !at) {
        context.addIssue({
          code: 'custom',
          path: ['at'],
          message: 'a laboratory result must say when the sample was taken',
        });
      }
    })
    .meta({ title: 'Reading' });

export const prediabetesCareEvent = lazySchema((z) =>
  z.discriminatedUnion('type', [
    readingEvent(z),
    z
      .object({
        type: z.literal('session-attended'),
        session: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('The session number; the latest session offered if absent.')
          .meta({ title: 'Session' }),
      })
      .strict()
      .meta({ title: 'Session attended' }),
    z
      .object({ type: z.literal('diabetes-diagnosed') })
      .strict()
      .meta({ title: 'Diabetes diagnosed' }),
    z
      .object({ type: z.literal('follow-up-booked') })
      .strict()
      .meta({ title: 'Follow-up booked' }),
  ]),
);

export type PrediabetesCareEvent = z.output<ReturnType<typeof prediabetesCareEvent>>;
export type ReadingEvent = Extract<PrediabetesCareEvent, { type: 'reading' }>;
