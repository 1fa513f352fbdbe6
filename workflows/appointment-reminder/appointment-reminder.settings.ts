import { z } from 'zod';

/** Program settings of the appointment-reminder journey: every tunable default, published in versions. */
export const appointmentReminderSettings = z
  .object({
    reminderLeadHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(24)
      .meta({ title: 'Reminder lead time', unit: 'hours' })
      .describe(
        'Hours before the appointment that the reminder goes out (tunable default: 24-72 h work alike).',
      ),
    channel: z
      .enum(['portal', 'email', 'sms'])
      .default('portal')
      .meta({ title: 'Reminder channel' })
      .describe('Channel of the reminder.'),
  })
  .strict();

export type AppointmentReminderSettings = z.output<typeof appointmentReminderSettings>;
