import type { z } from 'zod';
import type { DeliveryChannel } from '../contracts/delivery-channels';
import type { StaffTaskResult } from '../activities/staff-tasks/create-staff-task';
import { patched } from '@temporalio/workflow';
import { CALL_TASK_KINDS } from '../contracts/staff-task-kinds';
import { JourneyClocks, type WaitOutcome } from './journey-clocks';
import type {
  DeadlineView,
  FactValue,
  JourneyProgress,
  TimelineKind,
  UpcomingTimer,
} from '../contracts/journey-contract';
import { installJourneyHandlers, type JourneyHooks } from './journey-handlers';
import { JourneyOutbox, type StaffTask, type StaffTaskClosure } from './journey-outbox';
import { JourneyState, type JourneySnapshot } from './journey-state';
import type { NotifyResult, PatientMessage } from './patient-delivery';
import type { KeptEvents } from '../contracts/journey-contract';
import { holdForKeptEvents } from './kept-events-hold';

export type { WaitOutcome } from './journey-clocks';
export type { StaffTask, StaffTaskClosure } from './journey-outbox';

/** Journeys that ended before this rule left their open staff calls in the queue; they replay as they ran. */
export const CLOSE_CALLS_AT_END_PATCH = 'journey-end-closes-staff-calls';
export type { JourneySnapshot } from './journey-state';
export type { NotifyResult, PatientMessage } from './patient-delivery';

export interface JourneyOptions<Event> extends JourneyHooks {
  /** The journey type id, as in the registry. */
  type: string;
  patientRef: string;
  /** The EHR patient id: to refresh contact details from the record and write back what was done. */
  patientId?: string;
  settingsVersion: number;
  /** The first stage and its timeline line; ignored when `restore` is given. */
  stage: string;
  summary: string;
  /**
   * The event schema, built on the journey's first event or preview: one that never takes an
   * event never builds it (contracts/lazy-schema.ts).
   */
  eventSchema: () => z.ZodType<Event>;
  /**
   * Applies a validated event to the workflow's state. Must not await: handlers only change
   * state, and the workflow's main loop acts on it (sends, tasks), so a paused journey can
   * still take events without blocking the caller.
   */
  applyEvent: (event: Event) => void;
  /** Rejects an event that is valid in shape but not now (e.g. out of order) by throwing. */
  checkEvent?: (event: Event) => void;
  /**
   * For an event that passes `checkEvent` but is kept, not applied yet (it came before the step
   * it follows): the step it waits for. The event preview tells operators so before they send it.
   */
  heldUntil?: (event: Event) => string | undefined;
  /**
   * The timeline line for an accepted event (the runtime records one for every event). Name the
   * event; keep clinical values out unless operators need them.
   */
  describeEvent?: (event: Event) => string;
  restore?: JourneySnapshot;
}

/**
 * The runtime every journey workflow is built on: the progress query, the event, pause, resume
 * and cancel updates with their validators (`journey-handlers.ts`), stage and status in search
 * attributes (`journey-state.ts`), clocks that do or do not count paused time
 * (`journey-clocks.ts`), and idempotent patient messages and staff tasks (`journey-outbox.ts`).
 *
 * Pause semantics: while paused, nothing is sent to the patient and cadence clocks (`sleep`)
 * stop, so a program resumes where it left off; events are still applied, and wall-clock
 * deadlines and their staff escalations carry on, because a clinical deadline never pauses.
 *
 * The methods hand back their parts' promises as they are (none is `async` here): an extra
 * `await` would move when a journey's commands are issued, and recorded histories must replay.
 */
export class Journey<Event> {
  private readonly state: JourneyState;
  private readonly clocks: JourneyClocks;
  private readonly outbox: JourneyOutbox;

  constructor(options: JourneyOptions<Event>) {
    this.state = new JourneyState(options);
    this.clocks = new JourneyClocks(this.state);
    this.outbox = new JourneyOutbox(options, this.state, this.clocks);
    // Not before the constructor returns: an update delivered with the journey's first task runs
    // as soon as its handler is set, and the workflow's callbacks use the journey they are
    // building (\`journey.record(...)\`), which is assigned only after \`new Journey\` returns.
    void Promise.resolve().then(() => installJourneyHandlers(options, this.state, this.outbox));
  }

  // --- state -------------------------------------------------------------------------------

  get isOpen(): boolean {
    return this.state.isOpen;
  }

  get isPaused(): boolean {
    return this.state.isPaused;
  }

  get currentStage(): string {
    return this.state.currentStage;
  }

  /** A counter that changes with every accepted update: compare to notice events. */
  get changes(): number {
    return this.state.changes;
  }

  enterStage(stage: string, summary: string): void {
    this.state.enterStage(stage, summary);
  }

  finish(status: 'completed' | 'cancelled', stage: string, summary: string): void {
    this.state.finish(status, stage, summary);
  }

  record(kind: TimelineKind, summary: string, ref?: string): void {
    this.state.record(kind, summary, ref);
  }

  expect(timers: UpcomingTimer[]): void {
    this.state.expect(timers);
  }

  setDeadlines(deadlines: DeadlineView[]): void {
    this.state.setDeadlines(deadlines);
  }

  setFacts(facts: Record<string, FactValue>): void {
    this.state.setFacts(facts);
  }

  /** The full progress (the query's answer), or with only the newest `timelineTail` timeline entries. */
  progress(timelineTail?: number): JourneyProgress {
    return this.state.progress(timelineTail);
  }

  snapshot(): JourneySnapshot {
    return this.state.snapshot();
  }

  /**
   * Holds the first step while the starter delivers the EHR events kept for the patient before
   * the journey existed (HZ-35; see `holdForKeptEvents`). Call it before the first step, and only
   * when the input carries `keptEvents`: an await on every start would move the commands of
   * journeys started without it, whose recorded histories must replay. False: a kept event ended
   * the journey (a death, a cancelled appointment), and it has no first step to take.
   */
  receiveKeptEvents(kept: KeptEvents): Promise<boolean> {
    return holdForKeptEvents(this.state, kept);
  }

  // --- clocks ------------------------------------------------------------------------------

  /** Milliseconds the journey has been running and not paused, since it started. */
  activeElapsedMs(): number {
    return this.clocks.activeElapsedMs();
  }

  /** A cadence wait in active time (paused time does not count); see `JourneyClocks.sleep`. */
  sleep(durationMs: number, summary: string, wake?: () => boolean): Promise<WaitOutcome> {
    return this.clocks.sleep(durationMs, summary, wake);
  }

  /** Waits until the active clock (see `activeElapsedMs`) reads `activeMs`. */
  sleepUntilActive(activeMs: number, summary: string, wake?: () => boolean): Promise<WaitOutcome> {
    return this.clocks.sleepUntilActive(activeMs, summary, wake);
  }

  /** A wall-clock wait (deadlines): runs on while the journey is paused. */
  sleepUntil(epochMs: number, summary: string, wake?: () => boolean): Promise<WaitOutcome> {
    return this.clocks.sleepUntil(epochMs, summary, wake);
  }

  /** Resolves once the journey is not paused; false if it ended meanwhile. */
  whenRunning(): Promise<boolean> {
    return this.clocks.whenRunning();
  }

  // --- outbox ------------------------------------------------------------------------------

  get workflowId(): string {
    return this.outbox.workflowId;
  }

  get patientRef(): string {
    return this.outbox.patientRef;
  }

  get patientId(): string | undefined {
    return this.outbox.patientId;
  }

  responsesSoFar(): number {
    return this.outbox.responsesSoFar();
  }

  deliveryFailed(step: string, channel: DeliveryChannel): boolean {
    return this.outbox.deliveryFailed(step, channel);
  }

  /** Sends a message to the patient once for `step`; see `JourneyOutbox.notify`. */
  notify(step: string, message: PatientMessage): Promise<NotifyResult | undefined> {
    return this.outbox.notify(step, message);
  }

  /** Puts a task in the staff queue once for `step`; not held by a pause (escalations never wait). */
  escalate(step: string, task: StaffTask): Promise<StaffTaskResult> {
    return this.outbox.escalate(step, task);
  }

  /** Cancels the journey's open tasks it no longer needs, with the reason on each; see `JourneyOutbox.closeTasks`. */
  closeStaffTasks(closure: StaffTaskClosure): Promise<number> {
    return this.outbox.closeTasks(closure);
  }

  /**
   * Waits for running update handlers and EHR writes still in flight. Call before the journey
   * ends or continues as new, so neither an answer nor a write-back is cut off.
   */
  settle(): Promise<void> {
    return this.outbox.settle();
  }

  /**
   * Settles, then returns the final progress: the journey's result. A call the journey asked for
   * has no one to report to once it has ended (a patient who declined, a cancelled or closed
   * journey, a death recorded in the EHR), so its open calls close with the reason; other tasks
   * (a breached deadline, a referral, a critical value) are clinical work that outlives it.
   */
  async result(): Promise<JourneyProgress> {
    await this.settle();
    if (!this.state.isOpen && patched(CLOSE_CALLS_AT_END_PATCH)) {
      await this.outbox.closeTasks({
        outcome: 'journey-ended',
        note: `The journey ended (${this.state.currentStage}): the call is no longer needed`,
        kinds: [...CALL_TASK_KINDS],
      });
    }
    return this.progress();
  }
}
