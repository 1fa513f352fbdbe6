import type { ZodApi } from '../../contracts/lazy-schema';
import { isoInstant } from '../../contracts/contract-fields';

/*
 * The appointment events every outreach journey accepts. They mirror FHIR Appointment statuses
 * (booked, cancelled, noshow, fulfilled) and HL7v2 SIU S12/S13/S15/S26. Times are not checked
 * against the clock here: the API and the workflow have different clocks, so the workflow's
 * `checkEvent` judges order instead. Each journey's event schema builds them (contracts/lazy-schema.ts).
 */
const optionalReason = (z: ZodApi) =>
  z.string().max(500).optional().meta({ title: 'Reason', description: 'Why, if the record says.' });

export const appointmentEventSchemas = (z: ZodApi) =>
  [
    z
      .object({
        type: z.literal('appointment-booked'),
        appointmentAt: isoInstant(z).meta({ title: 'Appointment time' }),
        appointmentId: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .meta({ title: 'Appointment id', description: "The EHR appointment's id, when it has one." }),
      })
      .strict()
      .meta({ title: 'Appointment booked' }),
    z
      .object({
        type: z.literal('appointment-rescheduled'),
        appointmentAt: isoInstant(z).meta({ title: 'New appointment time' }),
      })
      .strict()
      .meta({ title: 'Appointment rescheduled' }),
    z
      .object({ type: z.literal('appointment-cancelled'), reason: optionalReason(z) })
      .strict()
      .meta({ title: 'Appointment cancelled' }),
    z
      .object({ type: z.literal('appointment-no-show') })
      .strict()
      .meta({ title: 'Did not attend' }),
    z
      .object({ type: z.literal('appointment-attended') })
      .strict()
      .meta({ title: 'Appointment attended' }),
  ] as const;

/** The patient declines the outreach; the reason may be clinical, so it stays out of the timeline. */
export const declinedEventSchema = (z: ZodApi) =>
  z
    .object({ type: z.literal('declined'), reason: optionalReason(z) })
    .strict()
    .meta({ title: 'Patient declined' });
