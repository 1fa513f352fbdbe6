import { defineQuery, defineUpdate } from '@temporalio/workflow';

/**
 * The surface every journey workflow exposes, whatever its type: the API reads progress and
 * steers journeys through these definitions only.
 */
export type JourneyStatus = 'active' | 'completed' | 'cancelled';

export type TimelineKind = 'stage' | 'event' | 'message' | 'cancellation';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  summary: string;
  /** Stage id for `stage` entries, event type for `event` entries, step key for `message` entries. */
  ref?: string;
}

export interface UpcomingTimer {
  id: string;
  label: string;
  dueAt: string;
}

export interface JourneyProgress {
  journey: string;
  status: JourneyStatus;
  stage: string;
  startedAt: string;
  timeline: TimelineEntry[];
  upcoming: UpcomingTimer[];
}

/** Input every journey workflow receives: the patient as an opaque reference plus the EHR id for activities. */
export interface JourneyInput<Params> {
  patientRef: string;
  patientId: string;
  params: Params;
}

export interface JourneyEvent {
  type: string;
  [field: string]: unknown;
}

export interface CancelRequest {
  reason: string;
}

export const progressQuery = defineQuery<JourneyProgress>('progress');
export const journeyEventUpdate = defineUpdate<JourneyProgress, [JourneyEvent]>('event');
export const cancelJourneyUpdate = defineUpdate<JourneyProgress, [CancelRequest]>('cancel');
