import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * The surface every journey workflow exposes, whatever its type: the API reads progress and
 * steers journeys through these definitions only.
 */
export type JourneyStatus = 'active' | 'paused' | 'completed' | 'cancelled';

export const timelineKinds = [
  'stage',
  'event',
  'message',
  'task',
  'deadline',
  'control',
  'cancellation',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  summary: string;
  /**
   * Stage id for `stage` entries, event type for `event` entries, step key for `message` and
   * `task` entries, deadline id for `deadline` entries.
   */
  ref?: string;
  /**
   * Who or what caused it, when the journey knew (an operator's key name, "EHR event (Observation)",
   * "patient"); entries written before it existed have none: `timelineCause` derives one from `kind`.
   */
  by?: string;
}

export interface UpcomingTimer {
  id: string;
  label: string;
  dueAt: string;
}

export const deadlineStatuses = ['pending', 'met', 'met-late', 'breached', 'void'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

/** A clinical deadline as operators see it: when it falls due, and how it went. */
export interface DeadlineView {
  id: string;
  label: string;
  dueAt: string;
  status: DeadlineStatus;
  warnedAt?: string;
  breachedAt?: string;
  metAt?: string;
  /** How late the milestone came, in whole days (rounded up), once a breached deadline is met. */
  lateByDays?: number;
}

export type FactValue = string | number | boolean | null;

export interface JourneyProgress {
  journey: string;
  status: JourneyStatus;
  stage: string;
  startedAt: string;
  /** The program settings version this journey was enrolled with (0: the built-in defaults). */
  settingsVersion: number;
  timeline: TimelineEntry[];
  upcoming: UpcomingTimer[];
  deadlines: DeadlineView[];
  /**
   * Journey-specific figures worth showing (e.g. weight change so far); never identifying data.
   * `heldEvents` (see `HELD_EVENTS_FACT` in journey-facts.ts), when a journey keeps events that came before their step.
   */
  facts: Record<string, FactValue>;
}

/** The program settings a journey runs with, pinned at enrolment (version 0: the built-in defaults). */
export interface PinnedProgram<Settings> {
  version: number;
  settings: Settings;
}

/**
 * Input every journey workflow receives: the patient as an opaque reference plus the EHR id for
 * activities, the journey's own parameters, and the program settings current at enrolment
 * (resolved by whoever enrols, so they are in the history from the first event on).
 */
export interface JourneyInput<Params, Settings = unknown> {
  patientRef: string;
  patientId: string;
  params: Params;
  program: PinnedProgram<Settings>;
  /**
   * The EHR said something about the patient before the journey existed (events kept in the
   * inbox, HZ-35): the journey holds its first step until the starter has delivered them and sent
   * `keptEventsDeliveredUpdate`. Absent: nothing was kept, and the journey starts at once.
   */
  keptEvents?: KeptEvents;
}

export interface KeptEvents {
  /** How many kept events the starter found: the timeline names the count, never the events. */
  expected: number;
}

/** Memo key under which the enrolment leaves lines for the journey's timeline (JourneyStarter). */
export const ENROLMENT_NOTES_MEMO = 'enrolmentNotes';

export interface JourneyEvent {
  type: string;
  [field: string]: unknown;
}

/** Pause, resume and cancel all need a reason: it is shown in the timeline and audited. */
export interface ControlRequest {
  reason: string;
  /** Who ends or steers the journey: an operator (the API's controls) unless the EHR did (a death, a withdrawn referral). */
  by?: 'operator' | 'ehr';
  /** The operator's API key name (never PHI), named on the timeline. */
  operator?: string;
}

/** Who sent an event: an operator's key name or "EHR event (<resource type>)"; absent in older histories. */
export interface EventCause {
  by: string;
}

/**
 * What the journey would do with an event now, answered from its state by the same checks its
 * event update runs: applied, held until an earlier step is recorded, or refused and why.
 */
export type EventPreview =
  { outcome: 'applied' } | { outcome: 'held'; until: string } | { outcome: 'refused'; reason: string };

/**
 * What a running journey's progress answer adds about its execution: the facts a reader would
 * otherwise ask Temporal's describe for, so reading a running journey is one call, not two.
 * Workers older than it answer without it; readers then describe the execution as before.
 */
export interface RunningExecution {
  /** The workflow type (a coded journey's function, or the definition interpreter). */
  workflowType: string;
  /** When this run started (its started event), as describe gives it. */
  runStartedAt: string;
  /** The execution's Carepath keyword search attributes as they stand now. */
  searchAttributes: { journey?: string; stage?: string; status?: string; patientRef?: string };
  /** The memo's pinned definition, for a journey started from a published definition. */
  definition?: { id: string; version: number };
}

/** The progress query's answer: the progress, and (from workers that know it) the execution's facts. */
export interface ProgressAnswer extends JourneyProgress {
  execution?: RunningExecution;
}

export const progressQuery = defineQuery<ProgressAnswer>('progress');
/** A query, not an update: a preview leaves nothing in the journey's history. */
export const previewEventQuery = defineQuery<EventPreview, [JourneyEvent]>('previewEvent');
export const journeyEventUpdate = defineUpdate<JourneyProgress, [JourneyEvent, EventCause?]>('event');
export const pauseJourneyUpdate = defineUpdate<JourneyProgress, [ControlRequest]>('pause');
export const resumeJourneyUpdate = defineUpdate<JourneyProgress, [ControlRequest]>('resume');
export const cancelJourneyUpdate = defineUpdate<JourneyProgress, [ControlRequest]>('cancel');
/** The starter delivered the events kept for a journey started with `keptEvents`: it may take its first step. */
/**
 * The failure type a journey's update validators refuse with once the journey has ended, though
 * its workflow may still be closing (settling its writes): the API answers it as it answers a
 * closed workflow, 409, not as a refused change.
 */
export const JOURNEY_ENDED_FAILURE = 'JourneyEnded';

export const keptEventsDeliveredUpdate = defineUpdate<void, [KeptEventsDelivered]>('keptEventsDelivered');

export interface KeptEventsDelivered {
  /** How many of the kept events reached the journey (the others stayed kept or moved nothing). */
  applied: number;
}

/** A staff member finished a task a journey created (a call, a letter, an escalation). */
export interface StaffTaskOutcome {
  taskId: string;
  /** The journey step that created the task (its idempotency key without the journey id). */
  step: string;
  kind: string;
  /** e.g. `reached`, `no-answer`, `wrong-number`, `declined`, `done`. */
  outcome: string;
  note?: string;
}

/** What the provider reported after a message left: a bounce or an undelivered SMS means try another channel. */
export interface DeliveryStatusNotice {
  step: string;
  channel: string;
  status: 'delivered' | 'read' | 'failed';
  detail?: string;
}

/** The patient answered (an SMS reply, a portal message read): a response for steps that wait for one. */
export interface PatientResponse {
  channel: string;
}

/*
 * Signals, not updates: they come from staff actions and provider callbacks that must succeed
 * whatever state the journey is in; the journey records them and acts if it still can.
 */
export const staffTaskCompletedSignal = defineSignal<[StaffTaskOutcome]>('staffTaskCompleted');
export const deliveryStatusSignal = defineSignal<[DeliveryStatusNotice]>('deliveryStatus');
export const patientRespondedSignal = defineSignal<[PatientResponse]>('patientResponded');
