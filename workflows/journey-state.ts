import { ApplicationFailure, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  ENROLMENT_NOTES_MEMO,
  JOURNEY_ENDED_FAILURE,
  type DeadlineView,
  type FactValue,
  type JourneyProgress,
  type JourneyStatus,
  type TimelineEntry,
  type TimelineKind,
  type UpcomingTimer,
} from '../contracts/journey-contract';
import { openDeadlines } from '../contracts/open-deadlines';
import { journeyStageKey, journeyStatusKey, nextDeadlineKey } from '../contracts/search-attributes';

/**
 * Journeys that ran before this mirrored nothing of their deadlines into search attributes; they
 * replay as they ran, and start mirroring at their first deadline change after it.
 */
export const NEXT_DEADLINE_ATTRIBUTE_PATCH = 'next-deadline-search-attribute';

/**
 * Journeys that continued as new before this carried their whole timeline (up to TIMELINE_LIMIT)
 * into the next run, so every run's history grew with it; they replay as they ran.
 */
export const CARRIED_TIMELINE_PATCH = 'carried-timeline-cap';

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

export interface JourneyStateInit {
  /** The journey type id, as in the registry. */
  type: string;
  settingsVersion: number;
  /** The first stage and its timeline line; ignored when `restore` is given. */
  stage: string;
  summary: string;
  restore?: JourneySnapshot;
}

/** What `CarepathNextDeadline` says now: a due time, none (cleared), or not written by this run yet. */
type MirroredDeadline = string | null | 'unwritten';

/** Timeline entries a journey keeps in its state; older ones are dropped (and counted) first. */
const TIMELINE_LIMIT = 500;
/**
 * Timeline entries a journey carries into its next run: the newest ones, the older counted in
 * `timelineDropped`. The carried state is written twice per run (the continue-as-new command and
 * the next run's start), so a run's history stops growing with the journey's age. Over the 20 an
 * update answers with, and about two months of weekly prediabetes care.
 */
export const CARRIED_TIMELINE_LIMIT = 100;

/**
 * What a journey is and has been: status, stage, timeline, deadlines, facts and the time it spent
 * paused. Stage, status and the next deadline due are mirrored into search attributes as they
 * change. Nothing here waits.
 */
export class JourneyState {
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
  readonly activeClockStartMs: number;
  /** Bumped by every accepted update; loops wait on it to re-plan. */
  private revision = 0;
  /** A run continued as new may carry its predecessor's attribute: it writes its own once. */
  private mirroredDeadline: MirroredDeadline;

  constructor(private readonly init: JourneyStateInit) {
    const restored = init.restore;
    const now = Date.now();
    this.status = restored?.status ?? 'active';
    this.stage = restored?.stage ?? init.stage;
    this.startedAt = restored?.startedAt ?? new Date(now).toISOString();
    this.settingsVersion = restored?.settingsVersion ?? init.settingsVersion;
    this.timeline = restored?.timeline ?? [];
    this.timelineDropped = restored?.timelineDropped ?? 0;
    this.deadlines = restored?.deadlines ?? [];
    this.facts = restored?.facts ?? {};
    this.pausedSinceMs = restored?.pausedSinceMs ?? null;
    this.pausedTotalMs = restored?.pausedTotalMs ?? 0;
    this.activeClockStartMs = restored?.activeClockStartMs ?? now;
    this.mirroredDeadline = restored ? 'unwritten' : null;
    if (!restored) {
      this.record('stage', init.summary, init.stage);
      // What the enrolment had to decide for the patient (e.g. the organisation's time zone for a
      // patient whose own zone nobody recorded), said where operators read the journey.
      const notes = workflowInfo().memo?.[ENROLMENT_NOTES_MEMO];
      if (Array.isArray(notes)) for (const note of notes) this.record('control', String(note));
    }
    upsertSearchAttributes([
      { key: journeyStageKey, value: this.stage },
      { key: journeyStatusKey, value: this.status },
    ]);
    this.mirrorNextDeadline();
  }

  get isOpen(): boolean {
    return this.status === 'active' || this.status === 'paused';
  }

  get isPaused(): boolean {
    return this.status === 'paused';
  }

  get currentStatus(): JourneyStatus {
    return this.status;
  }

  get currentStage(): string {
    return this.stage;
  }

  /** A counter that changes with every accepted update: compare to notice events. */
  get changes(): number {
    return this.revision;
  }

  markChanged(): void {
    this.revision++;
  }

  /** Milliseconds spent paused since the journey started, a pause still running included. */
  pausedMs(): number {
    const pausedNow = this.pausedSinceMs === null ? 0 : Date.now() - this.pausedSinceMs;
    return this.pausedTotalMs + pausedNow;
  }

  enterStage(stage: string, summary: string): void {
    this.stage = stage;
    this.record('stage', summary, stage);
    upsertSearchAttributes([{ key: journeyStageKey, value: stage }]);
  }

  finish(status: 'completed' | 'cancelled', stage: string, summary: string, by?: string): void {
    this.status = status;
    this.upcoming = [];
    this.deadlines = this.deadlines.map((deadline) =>
      deadline.status === 'pending' ? { ...deadline, status: 'void' } : deadline,
    );
    // A journey may show its end stage before it finishes (e.g. while a closing message goes out):
    // then the timeline already has it. The upsert stays either way, as released histories expect it.
    if (stage !== this.stage) this.record('stage', summary, stage, by);
    this.stage = stage;
    upsertSearchAttributes([{ key: journeyStageKey, value: stage }]);
    upsertSearchAttributes([{ key: journeyStatusKey, value: status }]);
    this.mirrorNextDeadline();
  }

  pause(reason: string, by?: string): void {
    this.status = 'paused';
    this.pausedSinceMs = Date.now();
    this.record('control', `Paused by an operator: ${reason}`, undefined, by);
    upsertSearchAttributes([{ key: journeyStatusKey, value: 'paused' }]);
  }

  resume(reason: string, by?: string): void {
    this.endPause();
    this.status = 'active';
    this.record('control', `Resumed by an operator: ${reason}`, undefined, by);
    upsertSearchAttributes([{ key: journeyStatusKey, value: 'active' }]);
  }

  cancel(summary: string, by?: string): void {
    this.endPause();
    this.finish('cancelled', 'cancelled', summary, by);
  }

  private endPause(): void {
    if (this.pausedSinceMs !== null) this.pausedTotalMs += Date.now() - this.pausedSinceMs;
    this.pausedSinceMs = null;
  }

  requireOpen(): void {
    if (!this.isOpen) {
      throw ApplicationFailure.create({
        type: JOURNEY_ENDED_FAILURE,
        message: `The journey has already ended (stage "${this.stage}").`,
        nonRetryable: true,
      });
    }
  }

  /** `by`: who or what caused it, when known here (a field on the entry, not a command: replay is unaffected). */
  record(kind: TimelineKind, summary: string, ref?: string, by?: string): void {
    this.timeline.push({
      at: new Date().toISOString(),
      kind,
      summary,
      ...(ref ? { ref } : {}),
      ...(by ? { by } : {}),
    });
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
    this.mirrorNextDeadline();
  }

  /**
   * `CarepathNextDeadline`: the open deadline due first while the journey is open, so the patients
   * list can sort all journeys by it (an ended journey owes nothing and is cleared). Written only
   * when it changes: journeys refresh their deadlines often, and each write is a history event.
   */
  private mirrorNextDeadline(): void {
    const next = this.isOpen ? (openDeadlines(this.deadlines)[0]?.dueAt ?? null) : null;
    if (next === this.mirroredDeadline || !patched(NEXT_DEADLINE_ATTRIBUTE_PATCH)) return;
    upsertSearchAttributes([{ key: nextDeadlineKey, value: next === null ? null : new Date(next) }]);
    this.mirroredDeadline = next;
  }

  setFacts(facts: Record<string, FactValue>): void {
    this.facts = { ...this.facts, ...facts };
  }

  /** The full progress (the query's answer), or with only the newest `timelineTail` timeline entries. */
  progress(timelineTail?: number): JourneyProgress {
    return {
      journey: this.init.type,
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

  /** Called once, as the journey continues as new (it may record a patch marker). */
  snapshot(): JourneySnapshot {
    const timeline = patched(CARRIED_TIMELINE_PATCH)
      ? this.timeline.slice(-CARRIED_TIMELINE_LIMIT)
      : [...this.timeline];
    return {
      status: this.status,
      stage: this.stage,
      startedAt: this.startedAt,
      settingsVersion: this.settingsVersion,
      timeline,
      timelineDropped: this.timelineDropped + (this.timeline.length - timeline.length),
      deadlines: [...this.deadlines],
      facts: { ...this.facts },
      pausedSinceMs: this.pausedSinceMs,
      pausedTotalMs: this.pausedTotalMs,
      activeClockStartMs: this.activeClockStartMs,
    };
  }
}
