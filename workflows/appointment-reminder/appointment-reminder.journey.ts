import { defineJourney } from '../journey-module';
import type * as Workflow from './appointment-reminder.workflow';
import { appointmentReminderBlueprint } from './appointment-reminder.blueprint';
import {
  APPOINTMENT_REMINDER,
  appointmentReminderEvent,
  appointmentReminderParams,
  type AppointmentReminderParams,
} from './appointment-reminder.contract';
import { appointmentReminderSettings } from './appointment-reminder.settings';
import { appointmentReminderTriggers } from './appointment-reminder.triggers';

export const appointmentReminderJourney = defineJourney({
  id: APPOINTMENT_REMINDER,
  folder: 'workflows/appointment-reminder',
  title: 'Appointment reminder',
  description:
    'Reminds the patient before a booked appointment; follows reschedules and stops when it is cancelled or attended.',
  workflow: 'appointmentReminderWorkflow' satisfies keyof typeof Workflow,
  contract: { params: appointmentReminderParams(), event: appointmentReminderEvent() },
  settings: appointmentReminderSettings,
  blueprint: appointmentReminderBlueprint,
  triggers: appointmentReminderTriggers,
  // The journey's one message predates the `<journey>.<message>` keys: its key is the journey id.
  wording: { keys: [APPOINTMENT_REMINDER] },
  // A reminder for an EHR appointment is that appointment's (its events find it by the id);
  // one given no appointment id is the patient's one such reminder, as before.
  instanceKey: (params: AppointmentReminderParams) => params.appointmentId,
  sources: [
    'Community Guide: client reminders; reminder timing 24-72 h made no difference (tunable default).',
  ],
});
