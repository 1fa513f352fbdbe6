import type { z } from 'zod';
import { timeZoneField } from '../../contracts/contract-fields';
import { lazySchema, type ZodApi } from '../../contracts/lazy-schema';
import {
  appointmentEventSchemas,
  declinedEventSchema,
} from '../outreach-escalation/appointment-event-schemas';
import { exclusionReasons, screeningTestIds } from './screening-value-sets';

/** Parameters and events of the preventive-outreach journey, validated at the API and in the workflow. */
export const PREVENTIVE_OUTREACH = 'preventive-outreach';

export const screeningItems = [
  'mammogram',
  'flu-shot',
  'annual-visit',
  'colorectal-screening',
  'cervical-screening',
] as const;

export type ScreeningItem = (typeof screeningItems)[number];

const isoDate = (z: ZodApi) => z.iso.date();

export const preventiveOutreachParams = lazySchema((z) =>
  z
    .object({
      item: z
        .enum(screeningItems)
        .describe('The due item this journey reaches out about (one journey per item).'),
      lastDoneAt: isoDate(z)
        .refine((value) => Date.parse(value) <= Date.now(), 'must not be in the future')
        .optional()
        .describe('When the item was last done (YYYY-MM-DD), if known: the messages say how overdue it is.'),
      lastTest: z
        .enum(screeningTestIds)
        .optional()
        .describe(
          "Which test was done then (a colonoscopy covers 10 years, a FIT 1): how overdue the item is follows from that test's own interval.",
        ),
      schedulingUrl: z
        .url({ protocol: /^https$/ })
        .optional()
        .describe(
          "A scheduling link for this patient (e.g. a clinic near their new address); the item's setting when absent.",
        ),
      timeZone: timeZoneField(z, 'UTC', 'word appointment times'),
    })
    .strict(),
);

export type PreventiveOutreachParams = z.output<ReturnType<typeof preventiveOutreachParams>>;

const recordedCode = (z: ZodApi) =>
  z
    .string()
    .min(1)
    .max(300)
    .meta({ title: 'Code', description: 'As recorded, `system|code`; shown on the timeline.' });

/** The shared appointment events, plus this journey's own. */
export const preventiveOutreachEvent = lazySchema((z) =>
  z.discriminatedUnion('type', [
    ...appointmentEventSchemas(z),
    z
      .object({
        type: z.literal('screening-done'),
        at: isoDate(z).meta({ title: 'Date done' }),
        test: z.enum(screeningTestIds).optional().meta({
          title: 'Test',
          description:
            'Which test, when the record says: its interval decides whether it still covers the patient.',
        }),
        code: recordedCode(z).optional(),
      })
      .strict()
      .meta({ title: 'Screening done' }),
    z
      .object({
        type: z.literal('screening-excluded'),
        reason: z.enum(exclusionReasons).meta({ title: 'Why it does not apply' }),
        side: z.enum(['left', 'right', 'unknown']).optional().meta({
          title: 'Side',
          description: 'A one-sided mastectomy excludes only once both sides are recorded (HEDIS BCS-E).',
        }),
        code: recordedCode(z),
        at: isoDate(z).optional().meta({ title: 'Date recorded' }),
      })
      .strict()
      .meta({ title: 'Screening does not apply (exclusion)' }),
    declinedEventSchema(z),
  ]),
);

export type PreventiveOutreachEvent = z.output<ReturnType<typeof preventiveOutreachEvent>>;
