import type { Blueprint, BlueprintEdge } from '../../contracts/blueprint';
import {
  bookedEdges,
  bookedNodes,
  escalationEdges,
  escalationNodes,
} from '../outreach-escalation/escalation-blueprint';

/** Ways out of every open stage. */
function exitEdges(stage: string): BlueprintEdge[] {
  return [
    { from: stage, to: 'completed', label: 'follow-up visit attended', event: 'appointment-attended' },
    { from: stage, to: 'readmitted', label: 'readmitted', event: 'readmitted' },
    { from: stage, to: 'declined', label: 'patient declines', event: 'declined' },
    {
      from: stage,
      to: 'no-follow-up',
      label: 'a later visit ends in hospice or a transfer',
      event: 'emergency-visit',
    },
    { from: stage, to: 'cancelled', label: 'operator cancels' },
    {
      from: stage,
      to: 'cancelled',
      label: 'the visit is entered in error in the EHR',
      event: 'emergency-visit-withdrawn',
    },
  ];
}

export const emergencyFollowUpBlueprint: Blueprint = {
  start: 'discharged',
  nodes: [
    { id: 'discharged', kind: 'stage', label: 'Discharged from the emergency department' },
    {
      id: 'follow-up-delay',
      kind: 'timer',
      label: 'Until the follow-up nudge',
      description: 'Counted from discharge on the wall clock: a pause holds the nudge, not the clock.',
      setting: 'followUpDelayHours',
    },
    {
      id: 'outreach',
      kind: 'stage',
      label: 'Follow-up outreach',
      description: 'A nudge with a booking link, a booking prompt, then a staff call.',
      setting: 'escalation',
    },
    ...escalationNodes('outreach', 'escalation'),
    ...bookedNodes('appointmentReminderWording'),
    { id: 'completed', kind: 'end', label: 'Follow-up visit attended' },
    { id: 'readmitted', kind: 'end', label: 'Readmitted' },
    {
      id: 'no-follow-up',
      kind: 'end',
      label: 'No follow-up: hospice, another facility or died',
      description: 'How the patient left the emergency department rules out a follow-up nudge.',
    },
    { id: 'declined', kind: 'end', label: 'Patient declined', dropOff: true },
    { id: 'unresponsive', kind: 'end', label: 'Closed: no response', dropOff: true },
    { id: 'cancelled', kind: 'end', label: 'Cancelled by an operator', dropOff: true },
  ],
  edges: [
    { from: 'discharged', to: 'follow-up-delay' },
    {
      from: 'discharged',
      to: 'no-follow-up',
      label: 'staff confirm hospice or a transfer',
      event: 'disposition-confirmed',
    },
    { from: 'outreach', to: 'discharged', label: 'a later emergency visit', event: 'emergency-visit' },
    { from: 'follow-up-delay', to: 'outreach', label: 'nudge time' },
    { from: 'discharged', to: 'booked', label: 'booked before the nudge', event: 'appointment-booked' },
    ...exitEdges('discharged'),
    ...escalationEdges('outreach'),
    ...exitEdges('outreach'),
    ...bookedEdges(),
    { from: 'booked', to: 'outreach', label: 'cancelled', event: 'appointment-cancelled' },
    { from: 'booked', to: 'outreach', label: 'no-show', event: 'appointment-no-show' },
    ...exitEdges('booked'),
  ],
};
