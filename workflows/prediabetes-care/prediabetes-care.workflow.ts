import { condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { JourneyInput, JourneyProgress, UpcomingTimer } from '../../contracts/journey-contract';
import { Journey, type JourneySnapshot } from '../journey-runtime';
import {
  PREDIABETES_CARE,
  prediabetesCareEvent,
  type PrediabetesCareEvent,
  type PrediabetesCareParams,
} from './prediabetes-care.contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import {
  applyProgramEvent,
  breachConfirmationDeadline,
  checkProgramEvent,
  describeEvent,
  meetConfirmationDeadline,
  openConfirmationDeadline,
} from './prediabetes-care.events';
import { programFacts, weeksOnProgram } from './prediabetes-care.facts';
import { cdcCriterion, reviewReadings } from './prediabetes-care.metrics';
import {
  dueTimes,
  initialProgramState,
  readingsForNudge,
  readyToComplete,
  stageOf,
  stageSummaries,
  totalSessions,
  upcomingTimers,
  withMeasurementSemantics,
  type DueTimes,
  type ProgramState,
  type ReadingAlert,
} from './prediabetes-care.program';
import * as steps from './prediabetes-care.steps';
import { DAY_MS } from '../../contracts/durations';
import { KeptTimer } from '../kept-timer';

/**
 * Journeys from here on read what each reading is (laboratory or monitoring, its unit, critical
 * values) before it may diagnose; journeys started before keep the rules their history was made with.
 */
export const MEASUREMENT_SEMANTICS_PATCH = 'prediabetes-measurement-semantics';

/**
 * Journeys from here on keep the timer to their next step while events come in (see `KeptTimer`);
 * journeys started before replay with the timer cancelled and started again after each event.
 */
const KEPT_STEP_TIMER_PATCH = 'prediabetes-kept-step-timer';

/** What a run hands to the next when the journey continues as new. */
export interface CarriedState {
  journey: JourneySnapshot;
  program: ProgramState;
}

export type PrediabetesCareInput = JourneyInput<PrediabetesCareParams, PrediabetesCareSettings> & {
  carried?: CarriedState;
};

/**
 * A year-long diabetes prevention program: weekly then monthly sessions, a nudge after a gap in
 * readings, a review that prompts a follow-up visit when readings do not improve, a confirming
 * test and a referral when a result reaches the diabetes range, and the annual A1C retest with
 * the CDC outcome. Continues as new at a session boundary to keep its history bounded.
 */
export async function prediabetesCareWorkflow(input: PrediabetesCareInput): Promise<JourneyProgress> {
  const { params, patientRef } = input;
  const settings = input.program.settings;
  const sessions = totalSessions(settings);
  let state: ProgramState = input.carried?.program ?? initialProgramState(params, Date.now());
  if (patched(MEASUREMENT_SEMANTICS_PATCH)) state = withMeasurementSemantics(state);

  const journey: Journey<PrediabetesCareEvent> = new Journey({
    type: PREDIABETES_CARE,
    patientRef,
    patientId: input.patientId,
    settingsVersion: input.program.version,
    stage: 'enrolled',
    summary: stageSummaries.enrolled,
    eventSchema: prediabetesCareEvent,
    restore: input.carried?.journey,
    describeEvent,
    checkEvent: (event) => checkProgramEvent(state, event, Date.now()),
    applyEvent: (event) => {
      const before = state;
      const applied = applyProgramEvent(state, event, {
        nowMs: Date.now(),
        activeMs: journey.activeElapsedMs(),
        settings,
      });
      state = applied.state;
      if (applied.note) journey.record('event', applied.note, event.type);
      if (before.confirmation && (!state.confirmation || state.exit)) {
        journey.setDeadlines(
          meetConfirmationDeadline(journey.progress().deadlines, before.confirmation.number, Date.now()),
        );
      }
      syncStage();
    },
  });
  const nextStepTimer = new KeptTimer('Next programme step or check due', () => journey.isOpen);
  const context: steps.StepContext = {
    journey,
    params,
    settings,
    channel: params.channel ?? settings.channel,
  };

  function syncStage(): void {
    const stage = stageOf(state, settings);
    if (journey.isOpen && journey.currentStage !== stage) journey.enterStage(stage, stageSummaries[stage]);
    journey.setFacts(programFacts(state, settings, journey.activeElapsedMs()));
  }

  // HZ-35: what the EHR said before the enrolment reaches the journey before its first step.
  if (!input.carried && input.keptEvents && !(await journey.receiveKeptEvents(input.keptEvents)))
    return journey.result();
  if (!input.carried && state.measurementSemantics) {
    const refusals = await steps.checkEnrolment(context, input.patientId);
    if (refusals.length > 0) {
      await steps.refuseEnrolment(context, refusals);
      if (journey.isOpen) {
        journey.finish(
          'completed',
          'not-eligible',
          `Not enrolled: ${refusals.map((refusal) => refusal.reason).join(', ')}`,
        );
      }
      return journey.result();
    }
  }
  if (!input.carried) await steps.considerMetforminIfIndicated(context);
  syncStage();

  // Staff work runs beside the main loop, so a message held for quiet hours or a pause never holds
  // back a critical value or a diabetes-range result from a clinician.
  let staffBusy = false;
  const staffWork = state.measurementSemantics ? staffLoop() : Promise.resolve();
  while (journey.isOpen) {
    if (await doStaffWork()) continue;
    // Everything below reaches the patient or follows the cadence: held while paused.
    if (journey.isPaused) {
      await waitForNextStep(dueTimes(state, settings));
      continue;
    }
    if (state.exit) {
      await steps.tellPatientOfReferral(context);
      if (journey.isOpen) journey.finish('completed', 'referred-to-diabetes-care', 'Exited to diabetes care');
      break;
    }
    const toTell = (state.alerts ?? []).find((alert) => alert.taskCreated && alert.patientMessagePending);
    if (toTell) {
      state = updateAlert(state, toTell.key, { patientMessagePending: false });
      await steps.tellPatientOfCriticalValue(context, toTell);
      continue;
    }
    const confirmation = state.confirmation;
    if (confirmation && !confirmation.patientAsked) {
      state = { ...state, confirmation: { ...confirmation, patientAsked: true } };
      await steps.askForConfirmingTest(context, confirmation);
      continue;
    }

    const activeMs = journey.activeElapsedMs();
    const due = dueTimes(state, settings);
    const isDue = (at: number | null) => at !== null && activeMs >= at;
    if (readyToComplete(state, settings, activeMs)) {
      await completeProgram();
      break;
    }
    if (isDue(due.review)) {
      await reviewProgress(activeMs);
    } else if (isDue(due.session)) {
      const session = state.sessionsSent + 1;
      state = { ...state, sessionsSent: session };
      syncStage();
      await steps.sendSession(context, session, sessions);
      if (journey.isOpen && shouldContinueAsNew()) return continueWithCarriedState();
    } else if (isDue(due.followUpReminder)) {
      state = { ...state, followUp: 'reminded' };
      await steps.remindFollowUp(context);
    } else if (isDue(due.nudge)) {
      const readings = readingsForNudge(state);
      state = { ...state, nudgedAtReadings: readings, nudgesSent: state.nudgesSent + 1 };
      syncStage();
      await steps.nudgeInactivity(context, readings);
    } else if (isDue(due.programEnd)) {
      state = {
        ...state,
        retestRequestedActiveMs: activeMs,
        ...(state.measurementSemantics ? { retestRequestedAtMs: Date.now() } : {}),
      };
      syncStage();
      await steps.requestAnnualRetest(context, Date.now() + settings.retestWaitDays * DAY_MS);
    } else {
      await waitForNextStep(due);
    }
  }

  await staffWork;
  return journey.result();

  /** Does staff work as soon as there is any, until the journey ends (see `doStaffWork`). */
  async function staffLoop(): Promise<void> {
    while (journey.isOpen) {
      staffBusy = true;
      const worked = await doStaffWork();
      staffBusy = false;
      if (worked) continue;
      const confirmation = state.exit ? null : state.confirmation;
      const overdueAtMs = confirmation && !confirmation.overdueEscalated ? confirmation.dueAtMs : null;
      const pending = () => !journey.isOpen || hasStaffWork();
      if (overdueAtMs === null) await condition(pending);
      else
        await condition(pending, Math.max(1, overdueAtMs - Date.now()), {
          summary: 'Enrolment confirmation overdue',
        });
    }
  }

  function hasStaffWork(): boolean {
    const confirmation = state.exit ? null : state.confirmation;
    return (
      (state.alerts ?? []).some((alert) => !alert.taskCreated) ||
      (state.exit !== null && !state.referralTaskCreated) ||
      (confirmation !== null && !confirmation.testOrdered)
    );
  }

  /**
   * Staff work the events call for: done at once, paused or not, because a clinician must hear
   * of a diabetes-range result, a referral or an overdue confirming test without delay.
   */
  async function doStaffWork(): Promise<boolean> {
    // A critical value reaches a clinician first, whatever else is going on.
    const alert = (state.alerts ?? []).find((candidate) => !candidate.taskCreated);
    if (alert) {
      state = updateAlert(state, alert.key, { taskCreated: true });
      await steps.escalateReadingAlert(context, alert);
      return true;
    }
    if (state.exit && !state.referralTaskCreated) {
      const exit = state.exit;
      state = { ...state, referralTaskCreated: true };
      await steps.createReferralTask(context, exit);
      return true;
    }
    const confirmation = state.exit ? null : state.confirmation;
    if (confirmation && !confirmation.testOrdered) {
      state = { ...state, confirmation: { ...confirmation, testOrdered: true } };
      journey.setDeadlines(
        openConfirmationDeadline(journey.progress().deadlines, confirmation.number, confirmation.dueAtMs),
      );
      await steps.orderConfirmingTest(context, confirmation);
      return true;
    }
    if (confirmation && !confirmation.overdueEscalated && Date.now() >= confirmation.dueAtMs) {
      state = { ...state, confirmation: { ...confirmation, overdueEscalated: true } };
      journey.setDeadlines(
        breachConfirmationDeadline(journey.progress().deadlines, confirmation.number, Date.now()),
      );
      await steps.escalateOverdueConfirmation(context, confirmation);
      return true;
    }
    return false;
  }

  async function reviewProgress(activeMs: number): Promise<void> {
    const result = reviewReadings(state.metrics, {
      nowMs: Date.now(),
      windowDays: settings.reviewWindowDays,
      minGlucoseDropMgDl: settings.reviewMinGlucoseDropMgDl,
      minA1cDrop: settings.reviewMinA1cDrop,
    });
    const promptFollowUp = result.outcome !== 'improved' && state.followUp === 'none';
    state = {
      ...state,
      review: result.outcome,
      ...(promptFollowUp ? { followUp: 'prompted' as const, followUpPromptedActiveMs: activeMs } : {}),
    };
    journey.record(
      'event',
      `Week-${settings.reviewAfterWeeks} review of readings: ${result.outcome}`,
      'review',
    );
    journey.setFacts({ reviewGlucoseDropMgDl: result.glucoseDropMgDl, reviewA1cDrop: result.a1cDrop });
    syncStage();
    if (promptFollowUp) await steps.promptFollowUp(context);
  }

  async function completeProgram(): Promise<void> {
    if (!state.retestReceived) await steps.escalateMissingRetest(context);
    const criterion = cdcCriterion(state.metrics, weeksOnProgram(settings, journey.activeElapsedMs()));
    journey.setFacts({ cdcCriterion: criterion, cdcCriterionMet: criterion !== 'not-met' });
    await steps.sendCompletion(context, criterion);
    if (journey.isOpen)
      journey.finish('completed', 'program-completed', `Program completed: CDC outcome ${criterion}`);
  }

  /** Sleeps until the earliest step (active-clock steps only count while running) or any change. */
  async function waitForNextStep(due: DueTimes): Promise<void> {
    const running = !journey.isPaused;
    const activeMs = journey.activeElapsedMs();
    const toWall = (at: number) => Date.now() + Math.max(0, at - activeMs);
    const upcoming: UpcomingTimer[] = running ? upcomingTimers(state, due, settings, toWall) : [];
    journey.expect(upcoming);
    const wallDue = [
      ...upcoming.map((timer) => Date.parse(timer.dueAt)),
      ...(state.confirmation && !state.confirmation.overdueEscalated && !state.exit
        ? [state.confirmation.dueAtMs]
        : []),
    ];
    const seen = journey.changes;
    const changed = () => journey.changes !== seen;
    const keepTimer = patched(KEPT_STEP_TIMER_PATCH);
    if (wallDue.length === 0) {
      if (keepTimer) nextStepTimer.cancel();
      await condition(() => changed() || !journey.isOpen);
    } else if (keepTimer) await nextStepTimer.sleepUntil(Math.min(...wallDue), changed);
    else await journey.sleepUntil(Math.min(...wallDue), 'Next programme step or check due', changed);
  }

  /** Changes one alert; an alert with nothing left to do leaves the state (its key stays, for duplicates). */
  function updateAlert(current: ProgramState, key: string, change: Partial<ReadingAlert>): ProgramState {
    const alerts = (current.alerts ?? [])
      .map((alert) => (alert.key === key ? { ...alert, ...change } : alert))
      .filter((alert) => !alert.taskCreated || alert.patientMessagePending);
    return { ...current, alerts };
  }

  function shouldContinueAsNew(): boolean {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested ||
      info.historyLength > settings.historyEventsBeforeContinueAsNew ||
      info.historySize > settings.historyMegabytesBeforeContinueAsNew * 1024 * 1024
    );
  }

  async function continueWithCarriedState(): Promise<never> {
    // A staff task in flight must land before its step is carried as done.
    await condition(() => !staffBusy);
    await journey.settle();
    state = { ...state, run: state.run + 1 };
    syncStage();
    journey.record('control', `History compacted: continuing as run ${state.run}`);
    return continueAsNew<typeof prediabetesCareWorkflow>({
      ...input,
      carried: { journey: journey.snapshot(), program: state },
    });
  }
}
