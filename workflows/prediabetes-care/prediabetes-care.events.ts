import type { DeadlineView } from '../journey-contract';
import { DIAGNOSTIC_RANGES, isDiagnosticMetric, isInDiabetesRange } from './prediabetes-care.clinical';
import type {
  PrediabetesCareEvent,
  PrediabetesCareSettings,
  ReadingEvent,
} from './prediabetes-care.contract';
import { withReading } from './prediabetes-care.metrics';
import { DAY_MS, type DiagnosticResult, type ProgramState } from './prediabetes-care.program';

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
      return `Reading logged: ${event.metric}`;
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
      return applyReading(state, event, context);
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

function applyReading(state: ProgramState, event: ReadingEvent, context: EventContext): AppliedEvent {
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
  const number = state.confirmationsStarted + 1;
  return {
    state: {
      ...next,
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
