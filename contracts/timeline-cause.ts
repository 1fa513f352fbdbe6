import type { TimelineEntry, TimelineKind } from './journey-contract';

/**
 * Who or what caused a timeline entry. New entries name it (`by`); entries written before they
 * did are labelled from their kind: stage moves, deadlines, messages and raised tasks follow the
 * journey's own timers, an event with a type came in through the API or the EHR, one without (a
 * reply) from the patient.
 */
const causeOfKind: Record<TimelineKind, (entry: TimelineEntry) => string> = {
  stage: () => 'timer',
  deadline: () => 'timer',
  message: () => 'timer',
  event: (entry) => (entry.ref ? 'EHR event' : 'patient'),
  // A task line is either the journey raising one (its timers and rules) or staff finishing one.
  task: (entry) => (entry.summary.startsWith('Staff task done') ? 'staff' : 'timer'),
  control: () => 'operator',
  cancellation: () => 'operator',
};

export function timelineCause(entry: TimelineEntry): string {
  return entry.by ?? causeOfKind[entry.kind](entry);
}
