import type { UpcomingTimer } from '../../contracts/journey-contract';
import type { DiagnosticMetric } from './prediabetes-care.clinical';
import type { PrediabetesCareParams } from './prediabetes-care.contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import { initialMetrics, type MetricsState, type ReviewOutcome } from './prediabetes-care.metrics';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * The program's own state and its schedule, as plain data and pure functions: the workflow
 * keeps one ProgramState, carries it across continue-as-new, and asks these functions what is
 * due. Cadence times are on the journey's active clock (paused time does not count).
 */

const DAYS_PER_MONTH = 365.25 / 12;

export interface DiagnosticResult {
  metric: DiagnosticMetric;
  value: number;
  atMs: number;
  /** The unit as reported (the metric's default unit when absent: results from before units were kept). */
  unit?: string;
}

/** A reading a clinician must see soon: a critical value, or a random glucose that may be diagnostic. */
export interface ReadingAlert {
  /** `<kind>:<metric>:<sample time>`: the same sample sent twice raises one alert. */
  key: string;
  kind: 'critical-high' | 'critical-low' | 'random-glucose-high';
  reading: { test: string; value: number; unit: string; source: string; measuredAt: string };
  dueAtMs: number;
  taskCreated: boolean;
  /** Whether the patient's message (when the program sends one) is still to go. */
  patientMessagePending: boolean;
}

/** A result in the diabetes range waiting for its confirming test. */
export interface PendingConfirmation {
  /** 1, 2, ...: keys the steps and the deadline of each confirmation. */
  number: number;
  first: DiagnosticResult;
  /** Wall clock: the confirming test is a clinical deadline and runs while paused. */
  dueAtMs: number;
  testOrdered: boolean;
  patientAsked: boolean;
  overdueEscalated: boolean;
}

export type ExitToDiabetesCare =
  | { reason: 'confirmed-result'; first: DiagnosticResult; confirming: DiagnosticResult }
  | { reason: 'clinician-diagnosis' };

export type FollowUp = 'none' | 'prompted' | 'reminded' | 'booked';

export interface ProgramState {
  enrolledAtMs: number;
  sessionsSent: number;
  /** Session numbers the patient attended (at most one entry per session offered). */
  sessionsAttended: number[];
  readingsLogged: number;
  /** Active-clock time of the latest reading; enrolment (0) before the first. */
  lastReadingActiveMs: number;
  /** `readingsLogged` when the current gap was nudged: one nudge per gap. */
  nudgedAtReadings: number | null;
  nudgesSent: number;
  review: ReviewOutcome | 'pending';
  followUp: FollowUp;
  followUpPromptedActiveMs: number | null;
  confirmation: PendingConfirmation | null;
  confirmationsStarted: number;
  exit: ExitToDiabetesCare | null;
  referralTaskCreated: boolean;
  /** Active-clock time the annual retest was asked for; null before the program's end. */
  retestRequestedActiveMs: number | null;
  retestReceived: boolean;
  /** Runs of this journey so far (1 + continue-as-new count). */
  run: number;
  metrics: MetricsState;
  /**
   * Set on journeys that read what each reading is (laboratory or monitoring, unit as received,
   * critical values); journeys started before keep their rules (see MEASUREMENT_SEMANTICS_PATCH).
   */
  measurementSemantics?: true;
  /** Glucose readings so far: the inactivity nudge is about glucose ("no glucose logged in 48 hours"). */
  glucoseReadingsLogged?: number;
  /** Alerts still to reach a clinician or the patient. */
  alerts?: ReadingAlert[];
  /** Keys of recent alerts, so a duplicate of a reading raises nothing new (bounded). */
  alertKeys?: string[];
  alertsRaised?: number;
  /** Wall-clock time the annual retest was asked for: a backdated A1C from before it does not count. */
  retestRequestedAtMs?: number;
}

/** Journeys on these rules: a fresh state, or one carried from a run before the rules came in. */
export function withMeasurementSemantics(state: ProgramState): ProgramState {
  if (state.measurementSemantics) return state;
  return {
    ...state,
    measurementSemantics: true,
    // Nudge keys go on counting from where the run before left them.
    glucoseReadingsLogged: state.readingsLogged,
    alerts: [],
    alertKeys: [],
    alertsRaised: 0,
  };
}

/** What the inactivity nudge counts: glucose readings on the current rules, any reading before. */
export function readingsForNudge(state: ProgramState): number {
  return state.measurementSemantics ? (state.glucoseReadingsLogged ?? 0) : state.readingsLogged;
}

export function initialProgramState(params: PrediabetesCareParams, enrolledAtMs: number): ProgramState {
  return {
    enrolledAtMs,
    sessionsSent: 0,
    sessionsAttended: [],
    readingsLogged: 0,
    lastReadingActiveMs: 0,
    nudgedAtReadings: null,
    nudgesSent: 0,
    review: 'pending',
    followUp: 'none',
    followUpPromptedActiveMs: null,
    confirmation: null,
    confirmationsStarted: 0,
    exit: null,
    referralTaskCreated: false,
    retestRequestedActiveMs: null,
    retestReceived: false,
    run: 1,
    metrics: initialMetrics(params),
  };
}

// --- schedule --------------------------------------------------------------------------------

export type ProgramSchedule = Pick<
  PrediabetesCareSettings,
  'coreSessions' | 'coreIntervalDays' | 'maintenanceIntervalDays' | 'programMonths'
>;

/** The program's end on the active clock: the annual A1C retest is due then. */
export function programEndActiveMs(schedule: ProgramSchedule): number {
  return Math.round(schedule.programMonths * DAYS_PER_MONTH) * DAY_MS;
}

/**
 * When session `session` (1-based) falls due: core sessions every `coreIntervalDays` from
 * enrolment (session 1 at enrolment), then maintenance sessions every `maintenanceIntervalDays`
 * after the last core session, while before the program's end.
 */
export function sessionDueActiveMs(schedule: ProgramSchedule, session: number): number | null {
  const lastCoreMs = (schedule.coreSessions - 1) * schedule.coreIntervalDays * DAY_MS;
  const dueMs =
    session <= schedule.coreSessions
      ? (session - 1) * schedule.coreIntervalDays * DAY_MS
      : lastCoreMs + (session - schedule.coreSessions) * schedule.maintenanceIntervalDays * DAY_MS;
  return dueMs < programEndActiveMs(schedule) ? dueMs : null;
}

export function totalSessions(schedule: ProgramSchedule): number {
  let sessions = 0;
  while (sessionDueActiveMs(schedule, sessions + 1) !== null) sessions++;
  return sessions;
}

export type ProgramStage = 'enrolled' | 'core-sessions' | 'maintenance-sessions' | 'annual-retest';
export type PrediabetesStage = ProgramStage | 'confirming-diabetes';

/** Where the program itself is; a pending confirmation overrides it (see `stageOf`). */
export function programStage(state: ProgramState, schedule: ProgramSchedule): ProgramStage {
  if (state.retestRequestedActiveMs !== null) return 'annual-retest';
  if (state.sessionsSent > schedule.coreSessions) return 'maintenance-sessions';
  return state.sessionsSent > 0 ? 'core-sessions' : 'enrolled';
}

export function stageOf(state: ProgramState, schedule: ProgramSchedule): PrediabetesStage {
  return state.confirmation ? 'confirming-diabetes' : programStage(state, schedule);
}

export const stageSummaries: Record<PrediabetesStage, string> = {
  enrolled: 'Enrolled in the prediabetes program',
  'core-sessions': 'Core phase: weekly sessions',
  'maintenance-sessions': 'Maintenance phase: monthly sessions',
  'confirming-diabetes': 'Result in the diabetes range: waiting for a confirming test',
  'annual-retest': 'Program time complete: waiting for the annual A1C retest',
};

// --- what is due -----------------------------------------------------------------------------

export type Cadence = Pick<
  PrediabetesCareSettings,
  | 'coreSessions'
  | 'coreIntervalDays'
  | 'maintenanceIntervalDays'
  | 'programMonths'
  | 'inactivityWindowHours'
  | 'reviewAfterWeeks'
  | 'followUpReminderDays'
  | 'retestWaitDays'
>;

/** Active-clock times of the program's next steps; null when a step is not pending. */
export interface DueTimes {
  session: number | null;
  review: number | null;
  followUpReminder: number | null;
  nudge: number | null;
  programEnd: number | null;
  retestGivesUp: number | null;
}

export function dueTimes(state: ProgramState, cadence: Cadence): DueTimes {
  const inSessions = state.retestRequestedActiveMs === null;
  return {
    session: inSessions ? sessionDueActiveMs(cadence, state.sessionsSent + 1) : null,
    review: state.review === 'pending' ? cadence.reviewAfterWeeks * 7 * DAY_MS : null,
    followUpReminder:
      state.followUp === 'prompted' && state.followUpPromptedActiveMs !== null
        ? state.followUpPromptedActiveMs + cadence.followUpReminderDays * DAY_MS
        : null,
    nudge:
      inSessions && state.nudgedAtReadings !== readingsForNudge(state)
        ? state.lastReadingActiveMs + cadence.inactivityWindowHours * HOUR_MS
        : null,
    programEnd: inSessions ? programEndActiveMs(cadence) : null,
    // A pending confirmation holds the program open (see `readyToComplete`), so no give-up timer then.
    retestGivesUp:
      state.retestRequestedActiveMs !== null && !state.retestReceived && !state.confirmation
        ? state.retestRequestedActiveMs + cadence.retestWaitDays * DAY_MS
        : null,
  };
}

/** What operators see as coming next; `toWall` turns an active-clock time into a date. */
export function upcomingTimers(
  state: ProgramState,
  due: DueTimes,
  cadence: Cadence,
  toWall: (activeMs: number) => number,
): UpcomingTimer[] {
  const timer = (id: string, label: string, at: number | null): UpcomingTimer[] =>
    at === null ? [] : [{ id, label, dueAt: new Date(toWall(at)).toISOString() }];
  return [
    ...timer('session', `Session ${state.sessionsSent + 1} of ${totalSessions(cadence)}`, due.session),
    ...timer('review', `Week-${cadence.reviewAfterWeeks} review of readings`, due.review),
    ...timer('follow-up-reminder', 'Follow-up visit reminder', due.followUpReminder),
    ...timer('inactivity-nudge', 'Nudge if no reading arrives', due.nudge),
    ...timer('annual-retest', 'Program end: annual A1C retest', due.programEnd),
    ...timer('retest-wait', 'Close without the annual A1C', due.retestGivesUp),
  ];
}

/** The program is over once the retest came in or its wait ran out, with no confirmation pending. */
export function readyToComplete(state: ProgramState, cadence: Cadence, activeMs: number): boolean {
  if (state.retestRequestedActiveMs === null || state.confirmation) return false;
  return state.retestReceived || activeMs >= state.retestRequestedActiveMs + cadence.retestWaitDays * DAY_MS;
}
