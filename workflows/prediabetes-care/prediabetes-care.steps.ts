import type { Channel } from '../../activities/outreach/send-message';
import { journeyActivities } from '../journey-activities';
import type { Journey } from '../journey-runtime';
import {
  ADA_DIAGNOSIS_SOURCE,
  ADA_METFORMIN_SOURCE,
  CDC_PROGRAM_SOURCE,
  DIAGNOSTIC_RANGES,
  METFORMIN_CONSIDERATION,
  rangeIn,
  type EnrolmentRefusal,
} from './prediabetes-care.clinical';
import type { PrediabetesCareEvent, PrediabetesCareParams } from './prediabetes-care.contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import { readingAlertTask } from './prediabetes-care.measurements';
import type { CdcCriterion } from './prediabetes-care.metrics';
import type {
  DiagnosticResult,
  ExitToDiabetesCare,
  PendingConfirmation,
  ReadingAlert,
} from './prediabetes-care.program';

/*
 * The journey's side effects: each step is one patient message or staff task with a stable step
 * key, so a retried, replayed or continued-as-new journey never sends it twice.
 */

export interface StepContext {
  journey: Journey<PrediabetesCareEvent>;
  params: PrediabetesCareParams;
  settings: PrediabetesCareSettings;
  channel: Channel;
}

export async function sendSession(
  { journey, settings, channel }: StepContext,
  session: number,
  totalSessions: number,
): Promise<void> {
  const core = session <= settings.coreSessions;
  const template =
    session === 1
      ? settings.welcomeWording
      : core
        ? settings.coreSessionWording
        : settings.monthlySessionWording;
  const values = core
    ? { session: String(session), sessions: String(settings.coreSessions) }
    : {
        session: String(session - settings.coreSessions),
        sessions: String(totalSessions - settings.coreSessions),
      };
  await journey.notify(`session:${session}`, {
    channel,
    template,
    values,
    summary: core
      ? `Core session ${session} of ${settings.coreSessions} (${channel})`
      : `Monthly session ${values.session} of ${values.sessions} (${channel})`,
  });
}

/** One nudge per gap: the step is keyed by how many readings came before the gap. */
export async function nudgeInactivity(
  { journey, settings, channel }: StepContext,
  readingsLogged: number,
): Promise<void> {
  await journey.notify(`inactivity-nudge:${readingsLogged}`, {
    channel,
    template: settings.nudgeWording,
    values: { windowHours: String(settings.inactivityWindowHours) },
    summary: `No reading for ${settings.inactivityWindowHours} h: nudge sent (${channel})`,
  });
}

export async function promptFollowUp({ journey, settings, channel }: StepContext): Promise<void> {
  await journey.notify('follow-up-prompt', {
    channel,
    template: settings.followUpPromptWording,
    summary: `Asked the patient to book a follow-up visit (${channel})`,
  });
}

export async function remindFollowUp({ journey, settings, channel }: StepContext): Promise<void> {
  await journey.notify('follow-up-reminder', {
    channel,
    template: settings.followUpReminderWording,
    summary: `Reminded the patient to book a follow-up visit (${channel})`,
  });
}

/** A clinician orders the test: staff work, never held by a pause. */
export async function orderConfirmingTest(
  { journey }: StepContext,
  confirmation: PendingConfirmation,
): Promise<void> {
  await journey.escalate(`confirming-test:${confirmation.number}`, {
    kind: 'confirming-test',
    priority: 'routine',
    title: 'Order a confirming test: a result is in the diabetes range',
    details: { result: describeResult(confirmation.first), source: ADA_DIAGNOSIS_SOURCE },
    dueAt: new Date(confirmation.dueAtMs).toISOString(),
  });
}

export async function askForConfirmingTest(
  { journey, settings, channel }: StepContext,
  confirmation: PendingConfirmation,
): Promise<void> {
  await journey.notify(`confirming-test:${confirmation.number}`, {
    channel,
    template: settings.confirmingTestWording,
    values: { test: DIAGNOSTIC_RANGES[confirmation.first.metric].label },
    urgent: true,
    summary: `Asked the patient for a confirming test (${channel})`,
  });
}

export async function escalateOverdueConfirmation(
  { journey }: StepContext,
  confirmation: PendingConfirmation,
): Promise<void> {
  await journey.escalate(`confirming-test-overdue:${confirmation.number}`, {
    kind: 'confirming-test-overdue',
    priority: 'urgent',
    title: 'Confirming test overdue after a result in the diabetes range',
    details: {
      result: describeResult(confirmation.first),
      dueAt: new Date(confirmation.dueAtMs).toISOString(),
    },
  });
}

/** The referral is a clinician's act: the journey puts it in the staff queue, never held by a pause. */
export async function createReferralTask({ journey }: StepContext, exit: ExitToDiabetesCare): Promise<void> {
  await journey.escalate('referral:diabetes-care', {
    kind: 'referral-diabetes-care',
    priority: 'urgent',
    title: 'Refer to diabetes care: diabetes confirmed',
    details:
      exit.reason === 'confirmed-result'
        ? {
            reason: exit.reason,
            results: [describeResult(exit.first), describeResult(exit.confirming)],
            source: ADA_DIAGNOSIS_SOURCE,
          }
        : { reason: exit.reason },
  });
}

export async function tellPatientOfReferral({ journey, settings, channel }: StepContext): Promise<void> {
  await journey.notify('referral:diabetes-care', {
    channel,
    template: settings.referralWording,
    urgent: true,
    summary: `Told the patient about the referral to diabetes care (${channel})`,
  });
}

/**
 * CDC eligibility (age >= 18, no diabetes), read from the EHR and Carepath's own record whoever
 * started the journey; the reasons it is refused, none when eligible.
 */
export function checkEnrolment(
  { journey, params }: StepContext,
  patientId: string | undefined,
): Promise<EnrolmentRefusal[]> {
  return journeyActivities.checkPrediabetesEnrolment({
    journeyId: journey.workflowId,
    ...(patientId ? { patientId } : {}),
    timeZone: params.timeZone,
  });
}

/** A refused enrolment is for staff to see (the EHR may be wrong); the patient is sent nothing. */
export async function refuseEnrolment({ journey }: StepContext, refusals: EnrolmentRefusal[]): Promise<void> {
  await journey.escalate('enrolment-refused', {
    kind: 'enrolment-refused',
    priority: 'routine',
    title: 'Not enrolled in prediabetes care: the patient is not eligible',
    details: { refusals, source: CDC_PROGRAM_SOURCE },
  });
}

/** ADA: consider metformin with BMI >= 35 and age < 60, or after gestational diabetes; only a clinician decides. */
export async function considerMetforminIfIndicated({ journey, params }: StepContext): Promise<void> {
  const reasons = [
    ...(params.bmi !== undefined &&
    params.ageYears !== undefined &&
    params.bmi >= METFORMIN_CONSIDERATION.minBmi &&
    params.ageYears < METFORMIN_CONSIDERATION.belowAgeYears
      ? [`BMI >= ${METFORMIN_CONSIDERATION.minBmi} and age < ${METFORMIN_CONSIDERATION.belowAgeYears}`]
      : []),
    ...(params.priorGestationalDiabetes ? ['prior gestational diabetes'] : []),
  ];
  if (reasons.length === 0) return;
  await journey.escalate('consider-metformin', {
    kind: 'consider-metformin',
    priority: 'routine',
    title: 'Consider metformin for diabetes prevention',
    details: { reasons, source: ADA_METFORMIN_SOURCE },
  });
}

export async function requestAnnualRetest(
  { journey, params, settings, channel }: StepContext,
  byMs: number,
): Promise<void> {
  await journey.notify('annual-retest', {
    channel,
    template: settings.annualRetestWording,
    values: { by: new Date(byMs).toISOString(), timeZone: params.timeZone },
    summary: `Asked the patient for the annual A1C test (${channel})`,
  });
}

export async function escalateMissingRetest({ journey, settings }: StepContext): Promise<void> {
  await journey.escalate('annual-retest-missing', {
    kind: 'annual-a1c-missing',
    priority: 'routine',
    title: 'Annual A1C not received: please order it',
    details: { waitedDays: settings.retestWaitDays, source: ADA_DIAGNOSIS_SOURCE },
  });
}

export async function sendCompletion(
  { journey, settings, channel }: StepContext,
  criterion: CdcCriterion,
): Promise<void> {
  await journey.notify('program-completed', {
    channel,
    template: settings.completedWording,
    values: { goalMet: criterion === 'not-met' ? 'no' : 'yes' },
    summary: `Program completion message sent (${channel})`,
  });
}

/** A result as reported, with the diabetes limit in the same unit. */
function describeResult(result: DiagnosticResult) {
  const range = DIAGNOSTIC_RANGES[result.metric];
  const limits = rangeIn(result.metric, result.unit) ?? range;
  return {
    test: range.label,
    value: result.value,
    unit: limits.unit,
    diabetesFrom: limits.diabetesFrom,
    measuredAt: new Date(result.atMs).toISOString(),
  };
}

/**
 * A reading a clinician must see soon, in the staff queue at once (never held by a pause), due
 * within the program's hours (see `readingAlertTask`).
 */
export async function escalateReadingAlert({ journey }: StepContext, alert: ReadingAlert): Promise<void> {
  await journey.escalate(`reading-alert:${alert.key}`, readingAlertTask(alert));
}

/** Only when the program says so: a plain request to contact the care team, no value, no diagnosis. */
export async function tellPatientOfCriticalValue(
  { journey, settings, channel }: StepContext,
  alert: ReadingAlert,
): Promise<void> {
  await journey.notify(`reading-alert:${alert.key}`, {
    channel,
    template: settings.criticalValueWording,
    urgent: true,
    summary: `Asked the patient to contact their care team today (${channel})`,
  });
}
