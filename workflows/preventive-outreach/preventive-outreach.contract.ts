import { z } from 'zod';
import { timeZoneField } from '../../contracts/contract-fields';
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

const isoDate = z.iso.date();

export const preventiveOutreachParams = z
  .object({
    item: z
      .enum(screeningItems)
      .describe('The due item this journey reaches out about (one journey per item).'),
    lastDoneAt: isoDate
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
    timeZone: timeZoneField('UTC', 'word appointment times'),
  })
  .strict();

export type PreventiveOutreachParams = z.output<typeof preventiveOutreachParams>;

const recordedCode = z
  .string()
  .min(1)
  .max(300)
  .meta({ title: 'Code', description: 'As recorded, `system|code`; shown on the timeline.' });

/** The shared appointment events, plus this journey's own. */
export const preventiveOutreachEvent = z.discriminatedUnion('type', [
  ...appointmentEventSchemas,
  z
    .object({
      type: z.literal('screening-done'),
      at: isoDate.meta({ title: 'Date done' }),
      test: z.enum(screeningTestIds).optional().meta({
        title: 'Test',
        description:
          'Which test, when the record says: its interval decides whether it still covers the patient.',
      }),
      code: recordedCode.optional(),
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
      code: recordedCode,
      at: isoDate.optional().meta({ title: 'Date recorded' }),
    })
    .strict()
    .meta({ title: 'Screening does not apply (exclusion)' }),
  declinedEventSchema,
]);

export type PreventiveOutreachEvent = z.output<typeof preventiveOutreachEvent>;
