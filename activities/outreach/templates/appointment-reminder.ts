import { localDateTime, type TemplateSet } from './template';

export const appointmentReminderTemplates: TemplateSet<'appointment-reminder'> = {
  'appointment-reminder': (values) =>
    `Reminder: you have an appointment on ${localDateTime(values.appointmentAt, values.timeZone)}. If you cannot come, please let us know so we can offer the time to someone else.`,
};
