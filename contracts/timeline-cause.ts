import type { TimelineEntry, TimelineKind } from './journey-contract';

/**
 * Who or what caused a timeline entry. New entries name it (`by`); entries written before they
 * did are labelled from their kind: stage moves, deadlines and messages follow the journey's own
 * timers, an event with a type came in through the API or the EHR, one without (a reply) from the patient.
 */
const causeOfKind: Record<TimelineKind, (entry: TimelineEntry) => string> = {
  stage: () => 'timer',
  deadline: () => 'timer',
  message: () => 'timer',
  event: (entry) => (entry.ref ? 'EHR event' : 'patient'),
  task: () => 'staff',
  control: () => 'operator',
  cancellation: () => 'operator',
};

export function timelineCause(entry: TimelineEntry): string {
  return entry.by ?? causeOfKind[entry.kind](entry);
}
