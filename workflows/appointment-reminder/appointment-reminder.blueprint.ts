import type { Blueprint } from '../../contracts/blueprint';

export const appointmentReminderBlueprint: Blueprint = {
  start: 'scheduled',
  nodes: [
    { id: 'scheduled', kind: 'stage', label: 'Appointment scheduled' },
    {
      id: 'reminder-timer',
      kind: 'timer',
      label: 'Until the reminder time',
      description: 'The configured number of hours before the appointment.',
      setting: 'reminderLeadHours',
    },
    { id: 'reminder', kind: 'message', label: 'Reminder to the patient', setting: 'channel' },
    { id: 'reminded', kind: 'stage', label: 'Reminded; waiting for the appointment' },
    { id: 'appointment-time', kind: 'end', label: 'Appointment time reached' },
    { id: 'attended', kind: 'end', label: 'Appointment attended' },
    { id: 'appointment-cancelled', kind: 'end', label: 'Appointment cancelled' },
    { id: 'cancelled', kind: 'end', label: 'Cancelled by an operator', dropOff: true },
  ],
  edges: [
    { from: 'scheduled', to: 'reminder-timer' },
    { from: 'reminder-timer', to: 'reminder', label: 'reminder time' },
    { from: 'reminder', to: 'reminded' },
    { from: 'reminded', to: 'appointment-time', label: 'appointment time' },
    { from: 'reminded', to: 'scheduled', label: 'rescheduled', event: 'appointment-rescheduled' },
    { from: 'scheduled', to: 'attended', label: 'attended', event: 'appointment-attended' },
    { from: 'reminded', to: 'attended', label: 'attended', event: 'appointment-attended' },
    { from: 'scheduled', to: 'appointment-cancelled', label: 'cancelled', event: 'appointment-cancelled' },
    { from: 'reminded', to: 'appointment-cancelled', label: 'cancelled', event: 'appointment-cancelled' },
    { from: 'scheduled', to: 'cancelled', label: 'operator cancels' },
    { from: 'reminded', to: 'cancelled', label: 'operator cancels' },
  ],
};
