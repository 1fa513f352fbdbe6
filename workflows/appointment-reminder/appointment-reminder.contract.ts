import type { z } from 'zod';
import { isoInstant, timeZoneField } from '../../contracts/contract-fields';
import { lazySchema } from '../../contracts/lazy-schema';

/** Parameters and events of the appointment-reminder journey, validated at the API and in the workflow. */
export const APPOINTMENT_REMINDER = 'appointment-reminder';

export const appointmentReminderParams = lazySchema((z) =>
  z
    .object({
      appointmentAt: isoInstant(z)
        .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
        .describe('When the appointment starts (ISO 8601 with offset).'),
      appointmentId: z
        .string()
        .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id')
        .optional()
        .describe(
          "The EHR Appointment's id, when the appointment is in the EHR: its cancellation or attendance then reaches " +
            'this reminder, and each appointment has its own reminder.',
        ),
      reminderLeadHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14)
        .optional()
        .describe('How long before the appointment the reminder goes out; the program setting when absent.'),
      timeZone: timeZoneField(z, 'UTC', 'word the appointment time'),
    })
    .strict(),
);

export type AppointmentReminderParams = z.output<ReturnType<typeof appointmentReminderParams>>;

export const appointmentReminderEvent = lazySchema((z) =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('appointment-cancelled'),
        reason: z
          .string()
          .max(500)
          .optional()
          .meta({ title: 'Reason', description: 'Why, if the record says.' }),
      })
      .strict()
      .meta({ title: 'Appointment cancelled' }),
    z
      .object({
        type: z.literal('appointment-rescheduled'),
        appointmentAt: isoInstant(z).meta({ title: 'New appointment time' }),
      })
      .strict()
      .meta({ title: 'Appointment rescheduled' }),
    z
      .object({ type: z.literal('appointment-attended') })
      .strict()
      .meta({ title: 'Appointment attended' }),
  ]),
);

export type AppointmentReminderEvent = z.output<ReturnType<typeof appointmentReminderEvent>>;
