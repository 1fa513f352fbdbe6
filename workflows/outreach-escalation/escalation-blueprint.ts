import type { BlueprintEdge, BlueprintNode } from '../../contracts/blueprint';

/*
 * Map pieces both outreach journeys draw the same way. A round is data-driven, so its map is a
 * cadence timer releasing message and call steps in order, and a window that closes a patient who
 * never booked as unresponsive. A booking gets a reminder and, if no news comes, an outcome check.
 * Journeys using these must have `booked` and `unresponsive` nodes.
 */

/** Nodes of an escalation round whose stage is `stage` and whose plan is the setting `plan`. */
export function escalationNodes(stage: string, plan: string): BlueprintNode[] {
  return [
    {
      id: `${stage}-cadence`,
      kind: 'timer',
      label: 'Until the next escalation step',
      description: 'Days on the active clock: a pause shifts every later step.',
      setting: `${plan}.steps`,
    },
    { id: `${stage}-message`, kind: 'message', label: 'Message step', setting: `${plan}.steps` },
    { id: `${stage}-call`, kind: 'task', label: 'Staff phone-call step', setting: `${plan}.steps` },
    { id: `${stage}-window`, kind: 'timer', label: 'Outreach window', setting: `${plan}.closeAfterDays` },
  ];
}

export function escalationEdges(stage: string): BlueprintEdge[] {
  return [
    { from: stage, to: `${stage}-cadence` },
    { from: `${stage}-cadence`, to: `${stage}-message`, label: 'message step due' },
    { from: `${stage}-cadence`, to: `${stage}-call`, label: 'call step due' },
    { from: `${stage}-message`, to: `${stage}-cadence`, label: 'next step' },
    { from: `${stage}-call`, to: `${stage}-cadence`, label: 'next step' },
    { from: `${stage}-cadence`, to: `${stage}-window`, label: 'all steps done' },
    { from: `${stage}-window`, to: 'unresponsive', label: 'nothing booked in the window' },
    { from: stage, to: 'booked', label: 'booked', event: 'appointment-booked' },
  ];
}

/** The `booked` stage with its reminder and outcome check; `reminderWording` is the setting of the reminder's wording. */
export function bookedNodes(reminderWording: string): BlueprintNode[] {
  return [
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
    { id: 'appointment-reminder', kind: 'message', label: 'Appointment reminder', setting: reminderWording },
    {
      id: 'outcome-check',
      kind: 'task',
      label: 'Staff check how the appointment went',
      description: 'Raised when neither attended nor no-show arrived after the appointment.',
      setting: 'outcomeCheckAfterHours',
    },
  ];
}

export function bookedEdges(): BlueprintEdge[] {
  return [
    { from: 'booked', to: 'appointment-reminder-timer' },
    { from: 'appointment-reminder-timer', to: 'appointment-reminder', label: 'reminder time' },
    { from: 'appointment-reminder', to: 'booked' },
    { from: 'booked', to: 'booked', label: 'rescheduled', event: 'appointment-rescheduled' },
    { from: 'booked', to: 'outcome-check', label: 'no news after the appointment' },
    { from: 'outcome-check', to: 'booked' },
  ];
}
