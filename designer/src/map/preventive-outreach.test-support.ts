import type { Blueprint } from './blueprint-types';

/**
 * The preventive outreach blueprint as the API serves it, trimmed (no rebooking escalation
 * round): parallel edges, a self-loop, timers, tasks and several ends.
 */
export const preventiveOutreachBlueprint: Blueprint = {
  start: 'outreach',
  nodes: [
    {
      id: 'outreach',
      kind: 'stage',
      label: 'Outreach',
      description: "A tailored call to action on the item's first channel, then escalation over days.",
      setting: 'items',
    },
    {
      id: 'outreach-cadence',
      kind: 'timer',
      label: 'Until the next escalation step',
      description: 'Days on the active clock: a pause shifts every later step.',
      setting: 'escalation.steps',
    },
    {
      id: 'outreach-message',
      kind: 'message',
      label: 'Message step',
      setting: 'escalation.steps',
    },
    {
      id: 'outreach-call',
      kind: 'task',
      label: 'Staff phone-call step',
      setting: 'escalation.steps',
    },
    {
      id: 'outreach-window',
      kind: 'timer',
      label: 'Outreach window',
      setting: 'escalation.closeAfterDays',
    },
    {
      id: 'booked',
      kind: 'stage',
      label: 'Appointment booked',
      description: 'Outreach stops as soon as a booking arrives.',
    },
    {
      id: 'appointment-reminder-timer',
      kind: 'timer',
      label: 'Until the reminder time',
      setting: 'reminderLeadHours',
    },
    {
      id: 'appointment-reminder',
      kind: 'message',
      label: 'Appointment reminder',
      setting: 'wording.appointmentReminder',
    },
    {
      id: 'outcome-check',
      kind: 'task',
      label: 'Staff check how the appointment went',
      description: 'Raised when neither attended nor no-show arrived after the appointment.',
      setting: 'outcomeCheckAfterHours',
    },
    {
      id: 'rebooking',
      kind: 'stage',
      label: 'Rebooking after a no-show',
      description: 'A faster plan with an urgent staff call.',
      setting: 'rebookingEscalation',
    },
    {
      id: 'completed',
      kind: 'end',
      label: 'Screening done',
    },
    {
      id: 'declined',
      kind: 'end',
      label: 'Patient declined',
    },
    {
      id: 'unresponsive',
      kind: 'end',
      label: 'Closed: no response',
    },
    {
      id: 'cancelled',
      kind: 'end',
      label: 'Cancelled by an operator',
    },
  ],
  edges: [
    {
      from: 'outreach',
      to: 'outreach-cadence',
    },
    {
      from: 'outreach-cadence',
      to: 'outreach-message',
      label: 'message step due',
    },
    {
      from: 'outreach-cadence',
      to: 'outreach-call',
      label: 'call step due',
    },
    {
      from: 'outreach-message',
      to: 'outreach-cadence',
      label: 'next step',
    },
    {
      from: 'outreach-call',
      to: 'outreach-cadence',
      label: 'next step',
    },
    {
      from: 'outreach-cadence',
      to: 'outreach-window',
      label: 'all steps done',
    },
    {
      from: 'outreach-window',
      to: 'unresponsive',
      label: 'nothing booked in the window',
    },
    {
      from: 'outreach',
      to: 'booked',
      label: 'booked',
      event: 'appointment-booked',
    },
    {
      from: 'outreach',
      to: 'completed',
      label: 'attended',
      event: 'appointment-attended',
    },
    {
      from: 'outreach',
      to: 'completed',
      label: 'done elsewhere',
      event: 'screening-done',
    },
    {
      from: 'outreach',
      to: 'declined',
      label: 'patient declines',
      event: 'declined',
    },
    {
      from: 'outreach',
      to: 'cancelled',
      label: 'operator cancels',
    },
    {
      from: 'booked',
      to: 'appointment-reminder-timer',
    },
    {
      from: 'appointment-reminder-timer',
      to: 'appointment-reminder',
      label: 'reminder time',
    },
    {
      from: 'appointment-reminder',
      to: 'booked',
    },
    {
      from: 'booked',
      to: 'booked',
      label: 'rescheduled',
      event: 'appointment-rescheduled',
    },
    {
      from: 'booked',
      to: 'outcome-check',
      label: 'no news after the appointment',
    },
    {
      from: 'outcome-check',
      to: 'booked',
    },
    {
      from: 'booked',
      to: 'rebooking',
      label: 'no-show',
      event: 'appointment-no-show',
    },
    {
      from: 'booked',
      to: 'outreach',
      label: 'cancelled',
      event: 'appointment-cancelled',
    },
    {
      from: 'booked',
      to: 'rebooking',
      label: 'cancelled after a no-show',
      event: 'appointment-cancelled',
    },
    {
      from: 'booked',
      to: 'completed',
      label: 'attended',
      event: 'appointment-attended',
    },
    {
      from: 'booked',
      to: 'completed',
      label: 'done elsewhere',
      event: 'screening-done',
    },
    {
      from: 'booked',
      to: 'declined',
      label: 'patient declines',
      event: 'declined',
    },
    {
      from: 'booked',
      to: 'cancelled',
      label: 'operator cancels',
    },
    {
      from: 'rebooking',
      to: 'booked',
      label: 'booked',
      event: 'appointment-booked',
    },
    {
      from: 'rebooking',
      to: 'completed',
      label: 'attended',
      event: 'appointment-attended',
    },
    {
      from: 'rebooking',
      to: 'completed',
      label: 'done elsewhere',
      event: 'screening-done',
    },
  ],
};
