import type { DeadlineView } from '../../contracts/journey-contract';
import { DIAGNOSTIC_RANGES, isDiagnosticMetric, isInDiabetesRange } from './prediabetes-care.clinical';
import type { PrediabetesCareEvent, ReadingEvent } from './prediabetes-care.contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import {
  assessReading,
  describeMeasurement,
  isGlucoseMetric,
  type AssessedReading,
} from './prediabetes-care.measurements';
import { withReading } from './prediabetes-care.metrics';
import type { DiagnosticResult, ProgramState, ReadingAlert } from './prediabetes-care.program';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * What each journey event does to the program's state: pure functions, so the workflow's
 * update handler only mutates state (the runtime's rule) and the main loop acts on it.
 */

export interface EventContext {
  nowMs: number;
  /** The journey's active clock now (paused time not counted). */
  activeMs: number;
  settings: PrediabetesCareSettings;
}

/** A reading dated this far ahead is a device clock error, not a measurement. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
/** Confirmation deadlines kept for operators; older ones are long resolved. */
const DEADLINES_KEPT = 5;
/** Alert keys remembered to drop duplicate samples: far more than a day's readings. */
const ALERT_KEYS_KEPT = 100;

/** Rejects events that are well-formed but impossible now; the API answers 400 and nothing is recorded. */
export function checkProgramEvent(state: ProgramState, event: PrediabetesCareEvent, nowMs: number): void {
  switch (event.type) {
    case 'reading':
      if (event.at && Date.parse(event.at) > nowMs + FUTURE_TOLERANCE_MS) {
        throw new Error('A reading cannot be dated in the future.');
      }
      return;
    case 'session-attended': {
      const session = event.session ?? state.sessionsSent;
      if (session < 1 || session > state.sessionsSent) {
        throw new Error(
          `Session ${event.session ?? 1} has not been offered yet (${state.sessionsSent} offered so far).`,
        );
      }
      return;
    }
    case 'diabetes-diagnosed':
    case 'follow-up-booked':
      return;
  }
}

/** The timeline line of an event: what happened, without clinical values. */
export function describeEvent(event: PrediabetesCareEvent): string {
  switch (event.type) {
    case 'reading':
      return event.source
        ? `Reading logged: ${event.metric} (${event.source})`
        : `Reading logged: ${event.metric}`;
    case 'session-attended':
      return event.session ? `Session ${event.session} attended` : 'Latest session attended';
    case 'diabetes-diagnosed':
      return 'A clinician recorded a diabetes diagnosis';
    case 'follow-up-booked':
      return 'Follow-up visit booked';
  }
}

export interface AppliedEvent {
  state: ProgramState;
  /** A line for the timeline when the event changed the program's course. */
  note?: string;
}

export function applyProgramEvent(
  state: ProgramState,
  event: PrediabetesCareEvent,
  context: EventContext,
): AppliedEvent {
  switch (event.type) {
    case 'reading':
      return state.measurementSemantics
        ? applyMeasuredReading(state, event, context)
        : applyReadingByCode(state, event, context);
    case 'session-attended': {
      const session = event.session ?? state.sessionsSent;
      if (state.sessionsAttended.includes(session)) return { state };
      return {
        state: { ...state, sessionsAttended: [...state.sessionsAttended, session].sort((a, b) => a - b) },
      };
    }
    case 'follow-up-booked':
      return { state: { ...state, followUp: 'booked' } };
    case 'diabetes-diagnosed':
      if (state.exit) return { state };
      return {
        state: { ...state, exit: { reason: 'clinician-diagnosis' } },
        note: 'A clinician diagnosed diabetes: exit to diabetes care',
      };
  }
}

/**
 * The rules of journeys started before readings said how they were measured: every A1C, fasting
 * glucose or OGTT reading could diagnose. Kept only so those journeys replay; see `applyMeasuredReading`.
 */
function applyReadingByCode(state: ProgramState, event: ReadingEvent, context: EventContext): AppliedEvent {
  const atMs = event.at ? Date.parse(event.at) : context.nowMs;
  const baselineUntilMs = state.enrolledAtMs + context.settings.reviewWindowDays * DAY_MS;
  const next: ProgramState = {
    ...state,
    metrics: withReading(state.metrics, { metric: event.metric, value: event.value, atMs }, baselineUntilMs),
    readingsLogged: state.readingsLogged + 1,
    lastReadingActiveMs: context.activeMs,
    retestReceived:
      state.retestReceived || (event.metric === 'hba1c-percent' && state.retestRequestedActiveMs !== null),
  };
  if (!isDiagnosticMetric(event.metric) || state.exit) return { state: next };

  const result: DiagnosticResult = { metric: event.metric, value: event.value, atMs };
  const inDiabetesRange = isInDiabetesRange(event.metric, event.value);
  const pending = state.confirmation;
  if (pending) {
    // ADA: two abnormal results (same or different test) confirm; a normal one does not.
    if (inDiabetesRange) {
      return {
        state: { ...next, exit: { reason: 'confirmed-result', first: pending.first, confirming: result } },
        note: `Confirming ${label(result)} also in the diabetes range: diabetes confirmed`,
      };
    }
    return {
      state: { ...next, confirmation: null },
      note: `Confirming ${label(result)} below the diabetes range: diabetes not confirmed, back to the program`,
    };
  }
  if (!inDiabetesRange) return { state: next };
  return startConfirmation(next, result, context);
}

/**
 * A reading on the current rules. Monitoring values (home, point of care, patient-reported, or not
 * said) feed the trends and the nudge, and raise critical-value alerts; only a laboratory A1C,
 * fasting glucose or OGTT starts, confirms or settles a confirmation (ADA section 2).
 */
function applyMeasuredReading(state: ProgramState, event: ReadingEvent, context: EventContext): AppliedEvent {
  const reading = assessReading(event, context.settings, context.nowMs);
  const { atMs } = reading;
  const baselineUntilMs = state.enrolledAtMs + context.settings.reviewWindowDays * DAY_MS;
  const glucose = isGlucoseMetric(event.metric);
  // A critical value is the clinician's, not the trend's: a hypoglycaemic reading must not pull the
  // review's mean down and read as improvement.
  const metrics =
    reading.critical || event.metric === 'random-glucose-mg-dl'
      ? state.metrics
      : withReading(
          state.metrics,
          { metric: event.metric, value: reading.trendValue, atMs },
          baselineUntilMs,
        );
  let next: ProgramState = {
    ...state,
    metrics,
    readingsLogged: state.readingsLogged + 1,
    // The seed's rule is "no glucose logged in 48 hours": a weight entry does not re-arm it.
    ...(glucose
      ? {
          lastReadingActiveMs: context.activeMs,
          glucoseReadingsLogged: (state.glucoseReadingsLogged ?? 0) + 1,
        }
      : {}),
    retestReceived: state.retestReceived || countsAsAnnualRetest(state, reading, context),
  };
  const notes: string[] = [];
  const alert = alertFor(reading, context);
  if (alert && !(next.alertKeys ?? []).includes(alert.key)) {
    next = {
      ...next,
      alerts: [...(next.alerts ?? []), alert],
      alertKeys: [...(next.alertKeys ?? []), alert.key].slice(-ALERT_KEYS_KEPT),
      alertsRaised: (next.alertsRaised ?? 0) + 1,
    };
    notes.push(
      alert.kind === 'random-glucose-high'
        ? 'Laboratory random glucose at or above 200 mg/dL: a clinician asks about symptoms'
        : `Critical ${alert.kind === 'critical-high' ? 'high' : 'low'} glucose (${reading.source}): urgent staff task`,
    );
  }
  if (!reading.diagnostic || state.exit) return withNotes({ state: next }, notes);
  return withNotes(applyDiagnosticResult(next, reading, reading.diagnostic, context), notes);
}

/**
 * ADA section 2: two abnormal results, from the same sample or two samples, confirm; when two
 * different tests disagree, the test above the cut point is repeated. So a pending confirmation is
 * settled only by a laboratory result: one in the diabetes range confirms, a later one of the same
 * test below it rules diabetes out for now; a different test below it leaves the repeat pending.
 */
function applyDiagnosticResult(
  state: ProgramState,
  reading: AssessedReading,
  metric: DiagnosticResult['metric'],
  context: EventContext,
): AppliedEvent {
  const result: DiagnosticResult = { metric, value: reading.value, atMs: reading.atMs, unit: reading.unit };
  const inDiabetesRange = reading.band === 'diabetes';
  const pending = state.confirmation;
  if (pending) {
    const { first } = pending;
    if (first.metric === metric && first.atMs === result.atMs) {
      return { state, note: `The first ${label(result)} again (same sample): not a confirming test` };
    }
    if (inDiabetesRange) {
      return {
        state: { ...state, exit: { reason: 'confirmed-result', first, confirming: result } },
        note: `Confirming ${label(result)} also in the diabetes range: diabetes confirmed`,
      };
    }
    if (first.metric === metric && result.atMs > first.atMs) {
      return {
        state: { ...state, confirmation: null },
        note: `Confirming ${label(result)} below the diabetes range: diabetes not confirmed, back to the program`,
      };
    }
    return {
      state,
      note:
        first.metric === metric
          ? `An earlier ${label(result)} below the diabetes range does not settle the confirmation: the repeat is still needed`
          : `${capitalize(label(result))} below the diabetes range disagrees with the ${label(first)}: ADA asks to repeat the ${DIAGNOSTIC_RANGES[first.metric].label} test`,
    };
  }
  if (!inDiabetesRange) return { state };
  return startConfirmation(state, result, context);
}

/** A result in the diabetes range opens a confirmation: ADA asks for a second abnormal result. */
function startConfirmation(
  state: ProgramState,
  result: DiagnosticResult,
  context: EventContext,
): AppliedEvent {
  const number = state.confirmationsStarted + 1;
  return {
    state: {
      ...state,
      confirmationsStarted: number,
      confirmation: {
        number,
        first: result,
        dueAtMs: context.nowMs + context.settings.confirmingTestDueDays * DAY_MS,
        testOrdered: false,
        patientAsked: false,
        overdueEscalated: false,
      },
    },
    note: `${capitalize(label(result))} in the diabetes range: a confirming test is needed`,
  };
}

/** A laboratory A1C whose sample is recent enough when the retest was asked for (ADA: at least yearly). */
function countsAsAnnualRetest(state: ProgramState, reading: AssessedReading, context: EventContext): boolean {
  if (reading.metric !== 'hba1c-percent' || reading.source !== 'laboratory') return false;
  if (state.retestRequestedActiveMs === null) return false;
  const askedAtMs = state.retestRequestedAtMs ?? context.nowMs;
  return reading.atMs >= askedAtMs - context.settings.retestLookbackDays * DAY_MS;
}

function alertFor(reading: AssessedReading, { settings, nowMs }: EventContext): ReadingAlert | null {
  const kind = reading.critical
    ? reading.critical === 'high'
      ? 'critical-high'
      : 'critical-low'
    : reading.symptomCheck
      ? 'random-glucose-high'
      : null;
  if (!kind) return null;
  const critical = kind !== 'random-glucose-high';
  const dueHours = critical ? settings.criticalValueTaskDueHours : settings.randomGlucoseTaskDueHours;
  return {
    key: `${kind}:${reading.metric}:${reading.atMs}`,
    kind,
    reading: describeMeasurement(reading, GLUCOSE_LABELS[reading.metric] ?? reading.metric),
    dueAtMs: nowMs + dueHours * HOUR_MS,
    taskCreated: false,
    patientMessagePending: critical && settings.tellPatientOfCriticalValue,
  };
}

const GLUCOSE_LABELS: Partial<Record<ReadingEvent['metric'], string>> = {
  'fasting-glucose-mg-dl': 'fasting glucose',
  'random-glucose-mg-dl': 'random plasma glucose',
  'ogtt-mg-dl': '2-hour OGTT glucose',
};

function withNotes(applied: AppliedEvent, notes: string[]): AppliedEvent {
  const all = [...notes, ...(applied.note ? [applied.note] : [])];
  return all.length ? { state: applied.state, note: all.join('; ') } : { state: applied.state };
}

function label(result: DiagnosticResult): string {
  return `${DIAGNOSTIC_RANGES[result.metric].label} result`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- the confirming-test deadline ------------------------------------------------------------

export const confirmationDeadlineId = (number: number) => `confirming-test:${number}`;

export function openConfirmationDeadline(
  deadlines: DeadlineView[],
  number: number,
  dueAtMs: number,
): DeadlineView[] {
  const opened: DeadlineView = {
    id: confirmationDeadlineId(number),
    label: 'Confirming test after a result in the diabetes range',
    dueAt: new Date(dueAtMs).toISOString(),
    status: 'pending',
  };
  return [...deadlines, opened].slice(-DEADLINES_KEPT);
}

export function breachConfirmationDeadline(
  deadlines: DeadlineView[],
  number: number,
  nowMs: number,
): DeadlineView[] {
  return deadlines.map((deadline) =>
    deadline.id === confirmationDeadlineId(number)
      ? { ...deadline, status: 'breached', breachedAt: new Date(nowMs).toISOString() }
      : deadline,
  );
}

export function meetConfirmationDeadline(
  deadlines: DeadlineView[],
  number: number,
  nowMs: number,
): DeadlineView[] {
  return deadlines.map((deadline) => {
    if (
      deadline.id !== confirmationDeadlineId(number) ||
      (deadline.status !== 'pending' && deadline.status !== 'breached')
    )
      return deadline;
    const lateMs = nowMs - Date.parse(deadline.dueAt);
    return lateMs > 0
      ? {
          ...deadline,
          status: 'met-late',
          metAt: new Date(nowMs).toISOString(),
          lateByDays: Math.ceil(lateMs / DAY_MS),
        }
      : { ...deadline, status: 'met', metAt: new Date(nowMs).toISOString() };
  });
}
