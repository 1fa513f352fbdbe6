import { z } from 'zod';
import { isoInstant } from '../../contracts/contract-fields';

/*
 * The appointment events every outreach journey accepts. They mirror FHIR Appointment statuses
 * (booked, cancelled, noshow, fulfilled) and HL7v2 SIU S12/S13/S15/S26. Times are not checked
 * against the clock here: the API and the workflow have different clocks, so the workflow's
 * `checkEvent` judges order instead.
 */
export const appointmentEventSchemas = [
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
] as const;

/** The patient declines the outreach; the reason may be clinical, so it stays out of the timeline. */
export const declinedEventSchema = z
  .object({ type: z.literal('declined'), reason: z.string().max(500).optional() })
  .strict();
