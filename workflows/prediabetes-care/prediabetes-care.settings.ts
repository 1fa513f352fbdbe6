import { z } from 'zod';
import { prediabetesCareChannels } from './prediabetes-care.contract';
import { prediabetesCareWordingKeys, type PrediabetesCareWordingKey } from './prediabetes-care.messages';

/** Program settings of the prediabetes-care journey: every tunable default, published in versions. */
const wording = (key: PrediabetesCareWordingKey, title: string, what: string) =>
  z
    .enum(prediabetesCareWordingKeys)
    .default(key)
    .meta({ title })
    .describe(`Wording of ${what} (tunable default).`);

export const prediabetesCareSettings = z
  .object({
    coreSessions: z
      .number()
      .int()
      .min(1)
      .max(52)
      .default(16)
      .meta({ title: 'Core sessions', unit: 'sessions' })
      .describe('Core sessions (CDC National DPP: 16 in months 0-6).'),
    coreIntervalDays: z
      .number()
      .int()
      .min(1)
      .max(31)
      .default(7)
      .meta({ title: 'Between core sessions', unit: 'days' })
      .describe('Days between core sessions (CDC National DPP: weekly).'),
    maintenanceIntervalDays: z
      .number()
      .int()
      .min(7)
      .max(92)
      .default(30)
      .meta({ title: 'Between maintenance sessions', unit: 'days' })
      .describe(
        'Days between maintenance sessions after the core phase (CDC National DPP: monthly to month 12).',
      ),
    programMonths: z
      .number()
      .int()
      .min(3)
      .max(24)
      .default(12)
      .meta({ title: 'Program length', unit: 'months' })
      .describe(
        'Program length in months; the annual A1C retest is asked for at its end (CDC: 12 months; ADA: retest yearly).',
      ),
    inactivityWindowHours: z
      .number()
      .int()
      .min(12)
      .max(24 * 30)
      .default(48)
      .meta({ title: 'Nudge after no readings for', unit: 'hours' })
      .describe(
        'Hours without any reading before one nudge (tunable default: an industry pattern, "no glucose logged in 48 hours", with no clinical source). Paused time does not count.',
      ),
    reviewAfterWeeks: z
      .number()
      .int()
      .min(1)
      .max(26)
      .default(6)
      .meta({ title: 'Review of readings after', unit: 'weeks' })
      .describe(
        'When readings are reviewed for improvement (tunable default: the seed scenario reviews at 6 weeks).',
      ),
    reviewWindowDays: z
      .number()
      .int()
      .min(3)
      .max(28)
      .default(14)
      .meta({ title: 'Review comparison window', unit: 'days' })
      .describe(
        'Fasting glucose is compared as the mean of the first this-many days of the program (baseline) against the mean of the last this-many days before the review (tunable default).',
      ),
    reviewMinGlucoseDropMgDl: z
      .number()
      .min(0)
      .max(50)
      .default(5)
      .meta({ title: 'Glucose drop that counts as improvement', unit: 'mg/dL' })
      .describe(
        'Drop of mean fasting glucose (mg/dL) that counts as improvement at the review (tunable default).',
      ),
    reviewMinA1cDrop: z
      .number()
      .min(0)
      .max(2)
      .default(0.1)
      .meta({ title: 'HbA1c drop that counts as improvement', unit: 'points' })
      .describe(
        'Drop of HbA1c (points) since enrolment that counts as improvement at the review (tunable default).',
      ),
    followUpReminderDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(7)
      .meta({ title: 'Follow-up reminder after', unit: 'days' })
      .describe(
        'Days after the follow-up prompt before one reminder, unless a visit was booked (tunable default).',
      ),
    confirmingTestDueDays: z
      .number()
      .int()
      .min(1)
      .max(90)
      .default(14)
      .meta({ title: 'Confirming test due within', unit: 'days' })
      .describe(
        'Days for the confirming test after a result in the diabetes range before staff are alerted (tunable default; ADA asks for a repeat test without a set interval). A wall-clock deadline: it runs while paused.',
      ),
    retestLookbackDays: z
      .number()
      .int()
      .min(0)
      .max(180)
      .default(90)
      .meta({ title: 'Annual retest look-back', unit: 'days' })
      .describe(
        'A laboratory A1C counts as the annual retest when its sample was taken at most this many days before the retest was asked for (tunable default; ADA: retest at least yearly). An older, backdated A1C does not.',
      ),
    criticalGlucoseHighMgDl: z
      .number()
      .min(200)
      .max(1000)
      .default(400)
      .meta({ title: 'Critical high glucose', unit: 'mg/dL' })
      .describe(
        'A glucose at or above this (mg/dL), from any source, is a critical value: an urgent staff task (tunable default: each laboratory sets its own).',
      ),
    criticalGlucoseHighMmolL: z
      .number()
      .min(11)
      .max(56)
      .default(22.2)
      .meta({ title: 'Critical high glucose', unit: 'mmol/L' })
      .describe('The same critical high limit for glucose reported in mmol/L (tunable default).'),
    criticalGlucoseLowMgDl: z
      .number()
      .min(20)
      .max(80)
      .default(54)
      .meta({ title: 'Critical low glucose', unit: 'mg/dL' })
      .describe(
        'A glucose below this (mg/dL), from any source, is a critical value (tunable default: ADA level 2 hypoglycaemia, < 54 mg/dL).',
      ),
    criticalGlucoseLowMmolL: z
      .number()
      .min(1)
      .max(4.5)
      .default(3.0)
      .meta({ title: 'Critical low glucose', unit: 'mmol/L' })
      .describe(
        'The same critical low limit for glucose reported in mmol/L (tunable default: ADA, < 3.0 mmol/L).',
      ),
    criticalValueTaskDueHours: z
      .number()
      .int()
      .min(1)
      .max(24)
      .default(4)
      .meta({ title: 'Critical value task due within', unit: 'hours' })
      .describe(
        'Hours within which a clinician must act on a critical value: the urgent task is due then (tunable default; the source asks for the same day).',
      ),
    tellPatientOfCriticalValue: z
      .boolean()
      .default(false)
      .meta({ title: 'Tell the patient of a critical value' })
      .describe(
        'Also send the patient a plain message asking them to contact their care team today (tunable default: off; the clinician calls).',
      ),
    randomGlucoseTaskDueHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .default(24)
      .meta({ title: 'Symptom check after a high random glucose within', unit: 'hours' })
      .describe(
        'Hours for a clinician to ask about symptoms after a laboratory random glucose >= 200 mg/dL (ADA: diagnostic only with symptoms) (tunable default).',
      ),
    retestWaitDays: z
      .number()
      .int()
      .min(1)
      .max(120)
      .default(30)
      .meta({ title: 'Wait for the annual A1C', unit: 'days' })
      .describe(
        'Days to wait for the annual A1C before closing the program without it and asking staff to order it (tunable default).',
      ),
    historyEventsBeforeContinueAsNew: z
      .number()
      .int()
      .min(100)
      .max(40_000)
      .default(400)
      .meta({ title: 'History length before continuing as new', unit: 'events' })
      .describe(
        'History length after which the journey continues as new at the next session, keeping a year of weekly events bounded (tunable default; Temporal also suggests it on its own).',
      ),
    historyMegabytesBeforeContinueAsNew: z
      .number()
      .min(0.5)
      .max(40)
      .default(2)
      .meta({ title: 'History size before continuing as new', unit: 'MB' })
      .describe(
        'History size (MB) after which the journey continues as new at the next session: every accepted event answers with the whole timeline, so size grows faster than length (tunable default; Temporal refuses histories over 50 MB).',
      ),
    channel: z
      .enum(prediabetesCareChannels)
      .default('portal')
      .meta({ title: 'Program message channel' })
      .describe('Channel of program messages (tunable default: the app inbox).'),
    welcomeWording: wording(
      'prediabetes-care.welcome',
      'Welcome wording',
      'the welcome with the first session',
    ),
    coreSessionWording: wording(
      'prediabetes-care.core-session',
      'Core session wording',
      'a weekly core session',
    ),
    monthlySessionWording: wording(
      'prediabetes-care.monthly-session',
      'Monthly session wording',
      'a monthly maintenance session',
    ),
    nudgeWording: wording(
      'prediabetes-care.inactivity-nudge',
      'Inactivity nudge wording',
      'the nudge after a gap in readings',
    ),
    followUpPromptWording: wording(
      'prediabetes-care.follow-up-prompt',
      'Follow-up prompt wording',
      'the prompt to book a follow-up visit',
    ),
    followUpReminderWording: wording(
      'prediabetes-care.follow-up-reminder',
      'Follow-up reminder wording',
      'the follow-up reminder',
    ),
    criticalValueWording: wording(
      'prediabetes-care.critical-value',
      'Critical value wording',
      'the message to the patient after a critical value, when the program sends one',
    ),
    confirmingTestWording: wording(
      'prediabetes-care.confirming-test',
      'Confirming test wording',
      'the request for a confirming test',
    ),
    referralWording: wording(
      'prediabetes-care.referred-to-diabetes-care',
      'Referral wording',
      'the referral to diabetes care',
    ),
    annualRetestWording: wording(
      'prediabetes-care.annual-retest',
      'Annual retest wording',
      'the annual A1C retest request',
    ),
    completedWording: wording(
      'prediabetes-care.program-completed',
      'End-of-program wording',
      'the end-of-program message',
    ),
  })
  .strict();

export type PrediabetesCareSettings = z.output<typeof prediabetesCareSettings>;
