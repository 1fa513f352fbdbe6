import type { z } from 'zod';
import { lazySchema, type ZodApi } from '../../contracts/lazy-schema';
import { DEADLINE_PROFILES, MILESTONES } from './oncology-fast-track.contract';
import { ONCOLOGY_MESSAGE_KEYS, type OncologyMessageKey } from './oncology-fast-track.messages';
import type { CardStage } from './oncology-fast-track.pathway';

const DILO_SOURCE = 'pakietonkologiczny.gov.pl ("7 tygodni") and NFZ pages on the DiLO card';
const NHS_SOURCE =
  'NHS England cancer waiting times standards (since October 2023); National Cancer Waiting Times Monitoring Dataset Guidance v12.1 (July 2025)';

/**
 * The calendar each profile's days are counted in, whatever the patient's own zone: DiLO deadlines
 * are Polish law (Europe/Warsaw); NHS England waiting times are English dates (CWT guidance v12.1),
 * so an NHS card is timed in Europe/London. Patient messages still word dates in the patient's zone.
 */
export const PROFILE_TIME_ZONES = { dilo: 'Europe/Warsaw', 'nhs-england': 'Europe/London' } as const;

const milestone = (z: ZodApi) => z.enum(MILESTONES);

const deadlineRule = (z: ZodApi) =>
  z
    .object({
      id: z
        .string()
        .regex(
          /^[a-z][a-z0-9-]{1,63}$/,
          'must be lowercase letters, digits and hyphens, starting with a letter (for example treatment-start)',
        )
        .meta({ title: 'Deadline id' })
        .describe('Stable id: staff task keys and dashboards refer to it.'),
      label: z
        .string()
        .trim()
        .min(1)
        .max(160)
        .meta({ title: 'What is due' })
        .describe('What is due, as coordinators read it.'),
      from: milestone(z)
        .meta({ title: 'Starts at milestone' })
        .describe('The milestone that starts this deadline.'),
      metBy: z
        .array(milestone(z))
        .min(1)
        .meta({ title: 'Met by milestones' })
        .describe('Any of these milestones meets the deadline.'),
      days: z
        .number()
        .int()
        .min(1)
        .max(365)
        .meta({ title: 'Deadline', unit: 'calendar days' })
        .describe('Calendar days from the starting milestone to the deadline.'),
      forUpgrades: z
        .boolean()
        .optional()
        .meta({ title: 'Runs on consultant upgrades' })
        .describe(
          'Whether it runs on a card started by a consultant upgrade; absent: yes (NHS CWT v12.1: the FDS does not).',
        ),
      adjustable: z
        .boolean()
        .default(false)
        .meta({ title: 'Clock adjustments allowed' })
        .describe(
          'Whether operators may record clock adjustments on it (NHS CWT v12.1: a declined reasonable offer of admitted treatment adjusts the 31- and 62-day clocks; the FDS and DiLO clocks have none).',
        ),
    })
    .strict()
    .refine(
      (rule) => !rule.metBy.includes(rule.from),
      'A deadline cannot be met by the milestone that starts it.',
    );

export type DeadlineRule = z.output<ReturnType<typeof deadlineRule>>;

const deadlineProfile = (z: ZodApi) =>
  z
    .array(deadlineRule(z))
    .max(20)
    .refine(
      (rules) => new Set(rules.map((rule) => rule.id)).size === rules.length,
      'Each deadline needs its own id.',
    );

export const DILO_DEADLINES: DeadlineRule[] = [
  {
    id: 'specialist-visit',
    label: 'Specialist visit after waiting-list entry',
    from: 'clock-start',
    metBy: ['specialist-visit-done'],
    days: 14,
    adjustable: false,
  },
  {
    id: 'initial-diagnostics',
    label: 'Initial diagnostics (cancer confirmed or ruled out) after waiting-list entry',
    from: 'clock-start',
    metBy: ['cancer-confirmed', 'cancer-ruled-out'],
    days: 28,
    adjustable: false,
  },
  {
    id: 'in-depth-diagnostics',
    label: 'In-depth diagnostics after confirmation',
    from: 'cancer-confirmed',
    metBy: ['in-depth-diagnostics-done'],
    days: 21,
    adjustable: false,
  },
  {
    id: 'diagnosis-complete',
    label: 'Complete diagnosis after waiting-list entry',
    from: 'clock-start',
    metBy: ['in-depth-diagnostics-done'],
    days: 49,
    adjustable: false,
  },
  {
    id: 'treatment-plan',
    label: 'Consilium treatment plan after presentation at the treating hospital',
    from: 'presented-at-treating-hospital',
    metBy: ['consilium-plan'],
    days: 14,
    adjustable: false,
  },
  {
    id: 'treatment-start',
    label: 'Treatment start after the consilium plan',
    from: 'consilium-plan',
    metBy: ['treatment-started'],
    days: 14,
    adjustable: false,
  },
];

export const NHS_ENGLAND_DEADLINES: DeadlineRule[] = [
  {
    // CWT v12.1: from receipt of the referral to the date the patient is informed of a diagnosis
    // or that cancer is ruled out; a report's issue date is not when the patient was told.
    id: 'faster-diagnosis',
    label:
      'Faster Diagnosis Standard: patient told of a diagnosis or that cancer is ruled out, after receipt of the referral',
    from: 'clock-start',
    metBy: ['patient-informed'],
    days: 28,
    adjustable: false,
    forUpgrades: false,
  },
  {
    id: 'decision-to-treat',
    label: 'Treatment start after the decision to treat',
    from: 'consilium-plan',
    metBy: ['treatment-started'],
    days: 31,
    adjustable: true,
  },
  {
    // CWT v12.1: ends at first definitive treatment whether or not a decision to treat was recorded.
    id: 'referral-to-treatment',
    label: 'Treatment start after receipt of the urgent referral or consultant upgrade',
    from: 'clock-start',
    metBy: ['treatment-started'],
    days: 62,
    adjustable: true,
  },
];

const STAGE_MESSAGE_DEFAULTS: Record<CardStage, OncologyMessageKey> = {
  'waiting-list': 'oncology-fast-track-waiting-list',
  'initial-diagnostics': 'oncology-fast-track-initial-diagnostics',
  'in-depth-diagnostics': 'oncology-fast-track-in-depth-diagnostics',
  'treatment-planning': 'oncology-fast-track-treatment-planning',
  'awaiting-treatment': 'oncology-fast-track-awaiting-treatment',
  'in-treatment': 'oncology-fast-track-in-treatment',
  'ruled-out': 'oncology-fast-track-ruled-out',
  'treatment-finished': 'oncology-fast-track-treatment-finished',
};

const STAGE_TITLES: Record<CardStage, string> = {
  'waiting-list': 'On the waiting list',
  'initial-diagnostics': 'Initial diagnostics',
  'in-depth-diagnostics': 'In-depth diagnostics',
  'treatment-planning': 'Treatment planning',
  'awaiting-treatment': 'Awaiting treatment',
  'in-treatment': 'In treatment',
  'ruled-out': 'Cancer ruled out',
  'treatment-finished': 'Treatment finished',
};

const wording = (z: ZodApi, stage: CardStage) =>
  z
    .enum(ONCOLOGY_MESSAGE_KEYS)
    .default(STAGE_MESSAGE_DEFAULTS[stage])
    .meta({ title: STAGE_TITLES[stage] })
    .describe(`Wording key of the message on entering "${stage}" (tunable default).`);

export const oncologyFastTrackSettings = lazySchema((z) =>
  z
    .object({
      profile: z
        .enum(DEADLINE_PROFILES)
        .default('dilo')
        .meta({ title: 'Deadline profile for new cards' })
        .describe(
          'Deadline profile for new cards unless the start parameters name one: DiLO (Poland) or NHS England.',
        ),
      profiles: z
        .object({
          dilo: deadlineProfile(z)
            .default(DILO_DEADLINES)
            .meta({ title: 'DiLO (Poland)' })
            .describe(
              `DiLO card deadlines: specialist visit 14 d, initial diagnostics 28 d, in-depth 21 d from confirmation, diagnosis 49 d, plan 14 d from presentation (${DILO_SOURCE}); treatment start 14 d from the plan is NOT verified as law (tunable default).`,
            ),
          'nhs-england': deadlineProfile(z)
            .default(NHS_ENGLAND_DEADLINES)
            .meta({ title: 'NHS England' })
            .describe(
              `NHS England deadlines: 28-day Faster Diagnosis Standard, 31 days decision to treat to treatment, 62 days urgent referral to treatment (${NHS_SOURCE}).`,
            ),
        })
        .strict()
        .default({ dilo: DILO_DEADLINES, 'nhs-england': NHS_ENGLAND_DEADLINES })
        .meta({ title: 'Deadline profiles' })
        .describe('Deadlines per profile, as data: each starts at a milestone and is met by others.'),
      warnDaysBefore: z
        .number()
        .int()
        .min(0)
        .max(30)
        .default(3)
        .meta({ title: 'Warning before a deadline', unit: 'days' })
        .describe(
          'Days before a deadline that the coordinator gets a warning task; 0 turns warnings off (tunable default).',
        ),
      channel: z
        .enum(['portal', 'email', 'sms'])
        .default('portal')
        .meta({ title: 'Patient message channel' })
        .describe(
          "Channel of patient messages unless the start parameters name the patient's preference (tunable default).",
        ),
      messages: z
        .object({
          'waiting-list': wording(z, 'waiting-list'),
          'initial-diagnostics': wording(z, 'initial-diagnostics'),
          'in-depth-diagnostics': wording(z, 'in-depth-diagnostics'),
          'treatment-planning': wording(z, 'treatment-planning'),
          'awaiting-treatment': wording(z, 'awaiting-treatment'),
          'in-treatment': wording(z, 'in-treatment'),
          'ruled-out': wording(z, 'ruled-out'),
          'treatment-finished': wording(z, 'treatment-finished'),
        })
        .strict()
        .default(STAGE_MESSAGE_DEFAULTS)
        .meta({ title: 'Message on entering each stage' })
        .describe(
          'The message the patient gets on entering each stage: the next step in plain language (tunable default).',
        ),
    })
    .strict(),
);

export type OncologyFastTrackSettings = z.output<ReturnType<typeof oncologyFastTrackSettings>>;
