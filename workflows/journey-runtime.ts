import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { z } from 'zod';
import type { DeliveryChannel } from '../contracts/delivery-channels';
import type { Channel } from '../activities/outreach/send-message';
import type { StaffTaskRequest, StaffTaskResult } from '../activities/staff-tasks/create-staff-task';
import { refreshContactFromEhr, writeBackToEhr, type EhrWriteBack } from './ehr-record';
import { journeyActivities } from './journey-activities';
import {
  deliveryStatusSignal,
  patientRespondedSignal,
  staffTaskCompletedSignal,
  cancelJourneyUpdate,
  ENROLMENT_NOTES_MEMO,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type ControlRequest,
  type DeadlineView,
  type FactValue,
  type JourneyProgress,
  type JourneyStatus,
  type TimelineEntry,
  type TimelineKind,
  type UpcomingTimer,
} from '../contracts/journey-contract';
import {
  deliverToPatient,
  type DeliveryHost,
  type NotifyResult,
  type PatientMessage,
} from './patient-delivery';
import { journeyStageKey, journeyStatusKey } from '../contracts/search-attributes';

export type { NotifyResult, PatientMessage } from './patient-delivery';

/** Journeys started before the engagement layer recorded messages through `sendMessage`; replays must see that. */
const ENGAGEMENT_LAYER_PATCH = 'engagement-layer';

/** What a journey carries into its next run when it continues as new. */
export interface JourneySnapshot {
  status: JourneyStatus;
  stage: string;
  startedAt: string;
  settingsVersion: number;
  timeline: TimelineEntry[];
  /** Timeline entries dropped to keep the carried state bounded. */
  timelineDropped: number;
  deadlines: DeadlineView[];
  facts: Record<string, FactValue>;
  pausedSinceMs: number | null;
  pausedTotalMs: number;
  /** When the active clock started: the journey's first run, kept across continue-as-new. */
  activeClockStartMs: number;
}

export interface JourneyOptions<Event> {
  /** The journey type id, as in the registry. */
  type: string;
  patientRef: string;
  /** The EHR patient id: to refresh contact details from the record and write back what was done. */
  patientId?: string;
  settingsVersion: number;
  /** The first stage and its timeline line; ignored when `restore` is given. */
  stage: string;
  summary: string;
  eventSchema: z.ZodType<Event>;
  /**
   * Applies a validated event to the workflow's state. Must not await: handlers only change
   * state, and the workflow's main loop acts on it (sends, tasks), so a paused journey can
   * still take events without blocking the caller.
   */
  applyEvent: (event: Event) => void;
  /** Rejects an event that is valid in shape but not now (e.g. out of order) by throwing. */
  checkEvent?: (event: Event) => void;
  /**
   * The timeline line for an accepted event (the runtime records one for every event). Name the
   * event; keep clinical values out unless operators need them.
   */
  describeEvent?: (event: Event) => string;
  restore?: JourneySnapshot;
}

export type StaffTask = Pick<StaffTaskRequest, 'kind' | 'priority' | 'title' | 'details' | 'dueAt'>;

export type WaitOutcome = 'elapsed' | 'woken' | 'ended';

/**
 * Update answers are stored in the journey's history, so they carry only the newest timeline
 * entries: a year of weekly events would otherwise write the whole timeline into history each time.
 * The full timeline is one progress query away.
 */
const UPDATE_TIMELINE_TAIL = 20;

/** Timeline entries a journey keeps in its state; older ones are dropped (and counted) first. */
const TIMELINE_LIMIT = 500;

/**
 * The runtime every journey workflow is built on: the progress query, the event, pause, resume
 * and cancel updates with their validators, stage and status in search attributes, clocks that
 * do or do not count paused time, and idempotent patient messages and staff tasks.
 *
 * Pause semantics: while paused, nothing is sent to the patient and cadence clocks (`sleep`)
 * stop, so a program resumes where it left off; events are still applied, and wall-clock
 * deadlines and their staff escalations carry on, because a clinical deadline never pauses.
 */
export class Journey<Event> implements DeliveryHost {
  private status: JourneyStatus;
  private stage: string;
  private readonly startedAt: string;
  private readonly settingsVersion: number;
  private timeline: TimelineEntry[];
  private timelineDropped: number;
  private upcoming: UpcomingTimer[] = [];
  private deadlines: DeadlineView[];
  private facts: Record<string, FactValue>;
  private pausedSinceMs: number | null;
  private pausedTotalMs: number;
  private readonly activeClockStartMs: number;
  /** Bumped by every accepted update; loops wait on it to re-plan. */
  private revision = 0;
  /** Patient replies and completed staff calls so far: a delivery waiting for a response watches it. */
  private responses = 0;
  /** `<step>#<channel>` of messages the provider reported undelivered after sending. */
  private readonly failedDeliveries = new Set<string>();
  /** Messages sent in this run, by step, and the steps being delivered right now. */
  private readonly sentMessages = new Map<string, PatientMessage>();
  private readonly deliveringSteps = new Set<string>();
  /** Whether this run has refreshed the patient's contact details from the EHR yet. */
  private contactRefreshed = false;
  /** Write-backs to the patient's EHR record still running (see `settle`). */
  private readonly ehrWrites: Promise<void>[] = [];

  constructor(private readonly options: JourneyOptions<Event>) {
    const restored = options.restore;
    const now = Date.now();
    this.status = restored?.status ?? 'active';
    this.stage = restored?.stage ?? options.stage;
    this.startedAt = restored?.startedAt ?? new Date(now).toISOString();
    this.settingsVersion = restored?.settingsVersion ?? options.settingsVersion;
    this.timeline = restored?.timeline ?? [];
    this.timelineDropped = restored?.timelineDropped ?? 0;
    this.deadlines = restored?.deadlines ?? [];
    this.facts = restored?.facts ?? {};
    this.pausedSinceMs = restored?.pausedSinceMs ?? null;
    this.pausedTotalMs = restored?.pausedTotalMs ?? 0;
    this.activeClockStartMs = restored?.activeClockStartMs ?? now;
    if (!restored) {
      this.record('stage', options.summary, options.stage);
      // What the enrolment had to decide for the patient (e.g. the organisation's time zone for a
      // patient whose own zone nobody recorded), said where operators read the journey.
      const notes = workflowInfo().memo?.[ENROLMENT_NOTES_MEMO];
      if (Array.isArray(notes)) for (const note of notes) this.record('control', String(note));
    }
    upsertSearchAttributes([
      { key: journeyStageKey, value: this.stage },
      { key: journeyStatusKey, value: this.status },
    ]);
    // Not before the constructor returns: an update delivered with the journey's first task runs
    // as soon as its handler is set, and the workflow's callbacks use the journey they are
    // building (\`journey.record(...)\`), which is assigned only after \`new Journey\` returns.
    void Promise.resolve().then(() => this.installHandlers());
  }

  // --- state -------------------------------------------------------------------------------

  get isOpen(): boolean {
    return this.status === 'active' || this.status === 'paused';
  }

  get isPaused(): boolean {
    return this.status === 'paused';
  }

  get currentStage(): string {
    return this.stage;
  }

  get workflowId(): string {
    return workflowInfo().workflowId;
  }

  get patientRef(): string {
    return this.options.patientRef;
  }

  get patientId(): string | undefined {
    return this.options.patientId;
  }

  responsesSoFar(): number {
    return this.responses;
  }

  deliveryFailed(step: string, channel: DeliveryChannel): boolean {
    return this.failedDeliveries.has(`${step}#${channel}`);
  }

  /** A counter that changes with every accepted update: compare to notice events. */
  get changes(): number {
    return this.revision;
  }

  enterStage(stage: string, summary: string): void {
    this.stage = stage;
    this.record('stage', summary, stage);
    upsertSearchAttributes([{ key: journeyStageKey, value: stage }]);
  }

  finish(status: 'completed' | 'cancelled', stage: string, summary: string): void {
    this.status = status;
    this.upcoming = [];
    this.deadlines = this.deadlines.map((deadline) =>
      deadline.status === 'pending' ? { ...deadline, status: 'void' } : deadline,
    );
    // A journey may show its end stage before it finishes (e.g. while a closing message goes out):
    // then the timeline already has it. The upsert stays either way, as released histories expect it.
    if (stage !== this.stage) this.record('stage', summary, stage);
    this.stage = stage;
    upsertSearchAttributes([{ key: journeyStageKey, value: stage }]);
    upsertSearchAttributes([{ key: journeyStatusKey, value: status }]);
  }

  record(kind: TimelineKind, summary: string, ref?: string): void {
    this.timeline.push({ at: new Date().toISOString(), kind, summary, ...(ref ? { ref } : {}) });
    const excess = this.timeline.length - TIMELINE_LIMIT;
    if (excess > 0) {
      this.timeline = this.timeline.slice(excess);
      this.timelineDropped += excess;
    }
  }

  expect(timers: UpcomingTimer[]): void {
    this.upcoming = timers;
  }

  setDeadlines(deadlines: DeadlineView[]): void {
    this.deadlines = deadlines;
  }

  setFacts(facts: Record<string, FactValue>): void {
    this.facts = { ...this.facts, ...facts };
  }

  /** The full progress (the query's answer), or with only the newest `timelineTail` timeline entries. */
  progress(timelineTail?: number): JourneyProgress {
    return {
      journey: this.options.type,
      status: this.status,
      stage: this.stage,
      startedAt: this.startedAt,
      settingsVersion: this.settingsVersion,
      timeline: timelineTail === undefined ? [...this.timeline] : this.timeline.slice(-timelineTail),
      upcoming: this.isOpen ? [...this.upcoming] : [],
      deadlines: [...this.deadlines],
      facts: {
        ...this.facts,
        ...(this.timelineDropped ? { timelineEntriesDropped: this.timelineDropped } : {}),
      },
    };
  }

  snapshot(): JourneySnapshot {
    return {
      status: this.status,
      stage: this.stage,
      startedAt: this.startedAt,
      settingsVersion: this.settingsVersion,
      timeline: [...this.timeline],
      timelineDropped: this.timelineDropped,
      deadlines: [...this.deadlines],
      facts: { ...this.facts },
      pausedSinceMs: this.pausedSinceMs,
      pausedTotalMs: this.pausedTotalMs,
      activeClockStartMs: this.activeClockStartMs,
    };
  }

  // --- clocks ------------------------------------------------------------------------------

  /** Milliseconds the journey has been running and not paused, since it started. */
  activeElapsedMs(): number {
    const pausedNow = this.pausedSinceMs === null ? 0 : Date.now() - this.pausedSinceMs;
    return Date.now() - this.activeClockStartMs - this.pausedTotalMs - pausedNow;
  }

  /**
   * A cadence wait: `durationMs` of active time, so paused time does not count. Returns early
   * with 'woken' when `wake()` turns true, or 'ended' when the journey ends.
   */
  async sleep(durationMs: number, wake: () => boolean = never): Promise<WaitOutcome> {
    return this.sleepUntilActive(this.activeElapsedMs() + durationMs, wake);
  }

  /** Waits until the active clock (see `activeElapsedMs`) reads `activeMs`. */
  async sleepUntilActive(activeMs: number, wake: () => boolean = never): Promise<WaitOutcome> {
    for (;;) {
      if (!this.isOpen) return 'ended';
      if (wake()) return 'woken';
      if (this.isPaused) {
        await condition(() => !this.isPaused || !this.isOpen || wake());
        continue;
      }
      const remaining = activeMs - this.activeElapsedMs();
      if (remaining <= 0) return 'elapsed';
      await condition(() => this.isPaused || !this.isOpen || wake(), remaining);
    }
  }

  /** A wall-clock wait (deadlines): runs on while the journey is paused. */
  async sleepUntil(epochMs: number, wake: () => boolean = never): Promise<WaitOutcome> {
    for (;;) {
      if (!this.isOpen) return 'ended';
      if (wake()) return 'woken';
      const remaining = epochMs - Date.now();
      if (remaining <= 0) return 'elapsed';
      await condition(() => !this.isOpen || wake(), remaining);
    }
  }

  /** Resolves once the journey is not paused; false if it ended meanwhile. */
  async whenRunning(): Promise<boolean> {
    await condition(() => !this.isPaused || !this.isOpen);
    return this.isOpen;
  }

  // --- side effects ------------------------------------------------------------------------

  /**
   * Sends a message to the patient once for `step` (a key unique within this journey), through
   * the engagement layer: consent, preferred channel and fallback, quiet hours and the daily
   * cap (see `deliverToPatient`). Waits while the journey is paused; returns undefined, sending
   * nothing, if it ends meanwhile.
   */
  async notify(step: string, message: PatientMessage): Promise<NotifyResult | undefined> {
    if (this.isPaused)
      this.record('control', `Message "${message.template}" held while the journey is paused`, step);
    if (!(await this.whenRunning())) return undefined;
    if (patched(ENGAGEMENT_LAYER_PATCH)) return this.deliver(step, message, []);
    const channel: Channel = message.channel === 'call' || !message.channel ? 'portal' : message.channel;
    const result = await journeyActivities.sendMessage({
      idempotencyKey: `${this.workflowId}/${step}`,
      journeyId: this.workflowId,
      patientRef: this.options.patientRef,
      channel,
      template: message.template,
      values: message.values ?? {},
      ...(message.urgent ? { urgent: true } : {}),
    });
    this.record('message', message.summary ?? `Sent "${message.template}" (${channel})`, step);
    return { delivered: true, channel, messageId: result.messageId };
  }

  private async deliver(
    step: string,
    message: PatientMessage,
    alreadyTried: DeliveryChannel[],
  ): Promise<NotifyResult | undefined> {
    this.sentMessages.set(step, message);
    this.deliveringSteps.add(step);
    const { patientId } = this.options;
    try {
      if (patientId && !this.contactRefreshed) {
        this.contactRefreshed = true;
        await refreshContactFromEhr(patientId);
      }
      const result = await deliverToPatient(this, step, message, alreadyTried);
      if (patientId && result?.messageId) {
        this.writeBack({ kind: 'communication', outreachMessageId: result.messageId, patientId });
      }
      return result;
    } finally {
      this.deliveringSteps.delete(step);
    }
  }

  /**
   * A message reported undelivered after its step moved on: send it on the next channel, so a
   * bounce or an unreachable phone never silently loses it. A step delivering right now sees
   * the failure itself.
   */
  private async redeliverAfterFailure(step: string): Promise<void> {
    if (this.deliveringSteps.has(step)) return;
    const message = this.sentMessages.get(step);
    const tried = deliveryChannelsOf(step, this.failedDeliveries);
    if (message) {
      await this.deliver(step, message, tried);
      return;
    }
    // Sent before a continue-as-new: the wording is gone from memory, so a person follows up.
    await this.escalate(`${step}/undelivered`, {
      kind: 'call',
      priority: 'routine',
      title: 'Call the patient: a message could not be delivered',
      details: { channels: tried },
    });
  }

  /** Puts a task in the staff queue once for `step`; not held by a pause (escalations never wait). */
  async escalate(step: string, task: StaffTask): Promise<StaffTaskResult> {
    const result = await journeyActivities.createStaffTask({
      idempotencyKey: `${this.workflowId}/${step}`,
      journeyId: this.workflowId,
      patientRef: this.options.patientRef,
      // Only the activity's input changes (no command does): replays of earlier journeys are unaffected.
      ...(this.options.patientId ? { patientId: this.options.patientId } : {}),
      ...task,
    });
    this.record('task', `Staff task (${task.priority}): ${task.title}`, step);
    const { patientId } = this.options;
    if (patientId) this.writeBack({ kind: 'task', staffTaskId: result.taskId, patientId });
    return result;
  }

  /** Starts writing to the patient's record without waiting: the journey goes on meanwhile. */
  private writeBack(request: EhrWriteBack): void {
    this.ehrWrites.push(
      writeBackToEhr(request).then((refusal) => {
        if (refusal) this.record('control', `Not written to the EHR: ${refusal}`);
      }),
    );
  }

  /**
   * Waits for running update handlers and EHR writes still in flight. Call before the journey
   * ends or continues as new, so neither an answer nor a write-back is cut off.
   */
  async settle(): Promise<void> {
    await condition(allHandlersFinished);
    await Promise.all(this.ehrWrites);
  }

  /** Settles, then returns the final progress: the journey's result. */
  async result(): Promise<JourneyProgress> {
    await this.settle();
    return this.progress();
  }

  // --- handlers ----------------------------------------------------------------------------

  /*
   * Validators run before anything is written to the history: a rejected event, or a pause of
   * a journey that is not running, leaves no trace at all.
   */
  private installHandlers(): void {
    const { eventSchema, applyEvent, checkEvent, describeEvent = describeByType } = this.options;
    setHandler(progressQuery, () => this.progress());
    setHandler(staffTaskCompletedSignal, ({ kind, outcome, note, step }) => {
      this.record('task', `Staff task done (${kind}): ${outcome}${note ? ` (${note})` : ''}`, step);
      if (kind === 'call' && outcome === 'reached') this.responses++;
    });
    setHandler(deliveryStatusSignal, ({ step, channel, status, detail }) => {
      if (status !== 'failed') return;
      this.failedDeliveries.add(`${step}#${channel}`);
      this.record('message', `The ${channel} message was not delivered${detail ? ` (${detail})` : ''}`, step);
      if (this.isOpen) void this.redeliverAfterFailure(step);
    });
    setHandler(patientRespondedSignal, ({ channel }) => {
      this.responses++;
      this.record('event', `The patient responded (${channel})`);
    });
    setHandler(
      journeyEventUpdate,
      (event) => {
        const parsed = eventSchema.parse(event);
        this.record('event', describeEvent(parsed), (parsed as { type: string }).type);
        applyEvent(parsed);
        this.revision++;
        return this.progress(UPDATE_TIMELINE_TAIL);
      },
      {
        validator: (event) => {
          this.requireOpen();
          const parsed = parseOrThrow(eventSchema, event);
          checkEvent?.(parsed);
        },
      },
    );
    setHandler(
      pauseJourneyUpdate,
      ({ reason }) => {
        this.status = 'paused';
        this.pausedSinceMs = Date.now();
        this.record('control', `Paused by an operator: ${reason}`);
        upsertSearchAttributes([{ key: journeyStatusKey, value: 'paused' }]);
        this.revision++;
        return this.progress(UPDATE_TIMELINE_TAIL);
      },
      {
        validator: (request) => {
          requireReason(request);
          if (this.status !== 'active')
            throw new Error(`Only an active journey can be paused; this one is ${this.status}.`);
        },
      },
    );
    setHandler(
      resumeJourneyUpdate,
      ({ reason }) => {
        this.pausedTotalMs += Date.now() - (this.pausedSinceMs ?? Date.now());
        this.pausedSinceMs = null;
        this.status = 'active';
        this.record('control', `Resumed by an operator: ${reason}`);
        upsertSearchAttributes([{ key: journeyStatusKey, value: 'active' }]);
        this.revision++;
        return this.progress(UPDATE_TIMELINE_TAIL);
      },
      {
        validator: (request) => {
          requireReason(request);
          if (this.status !== 'paused')
            throw new Error(`Only a paused journey can be resumed; this one is ${this.status}.`);
        },
      },
    );
    setHandler(
      cancelJourneyUpdate,
      ({ reason, by }) => {
        if (this.pausedSinceMs !== null) this.pausedTotalMs += Date.now() - this.pausedSinceMs;
        this.pausedSinceMs = null;
        // The timeline says who ended it: a journey the EHR ended was not an operator's decision.
        this.finish(
          'cancelled',
          'cancelled',
          `${by === 'ehr' ? 'Ended by the EHR' : 'Cancelled by an operator'}: ${reason}`,
        );
        this.revision++;
        return this.progress(UPDATE_TIMELINE_TAIL);
      },
      {
        validator: (request) => {
          requireReason(request);
          this.requireOpen();
        },
      },
    );
  }

  private requireOpen(): void {
    if (!this.isOpen) throw new Error(`The journey has already ended (stage "${this.stage}").`);
  }
}

const never = () => false;

function deliveryChannelsOf(step: string, failed: ReadonlySet<string>): DeliveryChannel[] {
  return [...failed]
    .filter((key) => key.startsWith(`${step}#`))
    .map((key) => key.slice(step.length + 1) as DeliveryChannel);
}

function requireReason(request: ControlRequest | undefined): void {
  if (typeof request?.reason !== 'string' || request.reason.trim().length === 0) {
    throw new Error('A reason is required.');
  }
}

function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`,
    );
    throw new Error(`Invalid event: ${details.join('; ')}`);
  }
  return result.data;
}

function describeByType(event: unknown): string {
  return `Event received: ${(event as { type: string }).type}`;
}
