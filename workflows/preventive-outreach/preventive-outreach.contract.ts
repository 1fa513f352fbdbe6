import { z } from 'zod';
import { isTimeZone } from '../appointment-reminder/appointment-reminder.contract';

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

const isoInstant = z.iso.datetime({ offset: true });
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
    schedulingUrl: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe(
        "A scheduling link for this patient (e.g. a clinic near their new address); the item's setting when absent.",
      ),
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw')
      .default('UTC')
      .describe("The patient's time zone, used to word appointment times."),
  })
  .strict();

export type PreventiveOutreachParams = z.output<typeof preventiveOutreachParams>;

/*
 * Appointment events mirror FHIR Appointment statuses (booked, cancelled, noshow, fulfilled) and
 * HL7v2 SIU S12/S13/S15/S26. Times are not checked against the clock here: the API and the
 * workflow have different clocks, so the workflow's `checkEvent` judges order instead.
 */
export const preventiveOutreachEvent = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('appointment-booked'),
      appointmentAt: isoInstant,
      appointmentId: z.string().min(1).max(200).optional(),
    })
    .strict(),
  z.object({ type: z.literal('appointment-rescheduled'), appointmentAt: isoInstant }).strict(),
  z.object({ type: z.literal('appointment-cancelled'), reason: z.string().max(500).optional() }).strict(),
  z.object({ type: z.literal('appointment-no-show') }).strict(),
  z.object({ type: z.literal('appointment-attended') }).strict(),
  z.object({ type: z.literal('screening-done'), at: isoDate }).strict(),
  z.object({ type: z.literal('declined'), reason: z.string().max(500).optional() }).strict(),
]);

export type PreventiveOutreachEvent = z.output<typeof preventiveOutreachEvent>;
