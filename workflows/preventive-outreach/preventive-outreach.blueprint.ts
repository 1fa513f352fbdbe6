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
    { from: stage, to: 'completed', label: 'attended', event: 'appointment-attended' },
    { from: stage, to: 'completed', label: 'done elsewhere', event: 'screening-done' },
    { from: stage, to: 'excluded', label: 'exclusion recorded', event: 'screening-excluded' },
    { from: stage, to: 'declined', label: 'patient declines', event: 'declined' },
    { from: stage, to: 'cancelled', label: 'operator cancels' },
  ];
}

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
    ...escalationNodes('outreach', 'escalation'),
    ...bookedNodes('wording.appointmentReminder'),
    {
      id: 'rebooking',
      kind: 'stage',
      label: 'Rebooking after a no-show',
      description: 'A faster plan with an urgent staff call.',
      setting: 'rebookingEscalation',
    },
    ...escalationNodes('rebooking', 'rebookingEscalation'),
    { id: 'completed', kind: 'end', label: 'Screening done' },
    { id: 'excluded', kind: 'end', label: 'No longer screened (exclusion recorded)' },
    { id: 'declined', kind: 'end', label: 'Patient declined', dropOff: true },
    { id: 'unresponsive', kind: 'end', label: 'Closed: no response', dropOff: true },
    { id: 'cancelled', kind: 'end', label: 'Cancelled by an operator', dropOff: true },
  ],
  edges: [
    ...escalationEdges('outreach'),
    ...exitEdges('outreach'),
    ...bookedEdges(),
    { from: 'booked', to: 'rebooking', label: 'no-show', event: 'appointment-no-show' },
    { from: 'booked', to: 'outreach', label: 'cancelled', event: 'appointment-cancelled' },
    { from: 'booked', to: 'rebooking', label: 'cancelled after a no-show', event: 'appointment-cancelled' },
    ...exitEdges('booked'),
    ...escalationEdges('rebooking'),
    ...exitEdges('rebooking'),
  ],
};
