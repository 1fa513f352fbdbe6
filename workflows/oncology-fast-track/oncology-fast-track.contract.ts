import type { z } from 'zod';
import { isoInstant, timeZoneField } from '../../contracts/contract-fields';
import { lazySchema, type ZodApi } from '../../contracts/lazy-schema';

/** Parameters, milestones and events of the fast oncology track, validated at the API and in the workflow. */
export const ONCOLOGY_FAST_TRACK = 'oncology-fast-track';

/** Deadline profiles: the Polish DiLO card and the NHS England cancer waiting-time standards. */
export const DEADLINE_PROFILES = ['dilo', 'nhs-england'] as const;
export type DeadlineProfileId = (typeof DEADLINE_PROFILES)[number];

/**
 * What can happen on a card, in clinical order. `clock-start` is the waiting-list entry (DiLO) or
 * the receipt of the urgent referral or the consultant upgrade (NHS); `presented-at-treating-hospital`
 * comes with the in-depth diagnostics event; `patient-informed` is the date the patient was told of
 * a diagnosis or that cancer is ruled out (the NHS Faster Diagnosis Standard stops there, NHS CWT
 * guidance v12.1), whenever it falls after that result. Deadline rules start and end on these.
 */
export const MILESTONES = [
  'clock-start',
  'specialist-visit-done',
  'cancer-confirmed',
  'cancer-ruled-out',
  'in-depth-diagnostics-done',
  'presented-at-treating-hospital',
  'consilium-plan',
  'treatment-started',
  'treatment-finished',
  'patient-informed',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** What starts a card's clock (NHS CWT v12.1): a referral, or a consultant upgrade. */
export const CLOCK_STARTS = ['referral', 'consultant-upgrade'] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

export const oncologyFastTrackParams = lazySchema((z) =>
  z
    .object({
      cardId: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, 'must be 3-64 letters, digits or dashes')
        .describe('The DiLO card number or the NHS urgent referral id: one journey per card.'),
      clockStartAt: isoInstant(z)
        .refine((value) => Date.parse(value) <= Date.now(), 'must not be in the future')
        .optional()
        .describe(
          'When the clock started (ISO 8601 with offset): waiting-list entry for DiLO (not the card issue), receipt of the urgent referral or the consultant upgrade for NHS England (not when the referral was written). Absent when unknown: the coordinator gets a task to record it (event `clock-started`) and no deadline runs on a guessed date.',
        ),
      profile: z
        .enum(DEADLINE_PROFILES)
        .optional()
        .describe("The deadline profile for this card; the program setting's `profile` when absent."),
      startedBy: z
        .enum(CLOCK_STARTS)
        .optional()
        .describe(
          'What started the clock: a referral (default), or a consultant upgrade of a patient not referred urgently. NHS CWT v12.1: the 28-day FDS applies to referrals only; the 62-day standard to both.',
        ),
      channel: z
        .enum(['portal', 'email', 'sms'])
        .optional()
        .describe("The patient's preferred channel; the program setting's `channel` when absent."),
      timeZone: timeZoneField(z, 'Europe/Warsaw', 'word dates in messages'),
    })
    .strict(),
);

export type OncologyFastTrackParams = z.output<ReturnType<typeof oncologyFastTrackParams>>;

const happenedAt = (z: ZodApi) =>
  isoInstant(z)
    .optional()
    .describe(
      'When it happened (ISO 8601 with offset); not in the future, not before the clock start. Default: now.',
    )
    .meta({ title: 'When it happened' });

const deadlineId = (z: ZodApi) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a deadline id of the card profile')
    .describe("The id of one of the profile's deadlines (e.g. `referral-to-treatment`).")
    .meta({ title: 'Deadline' });

const operatorReason = (z: ZodApi) =>
  z
    .string()
    .trim()
    .min(3)
    .max(500)
    .describe('Why, as the operator records it: audited and shown on the card timeline.')
    .meta({ title: 'Reason' });

export const oncologyFastTrackEvent = lazySchema((z) =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('clock-started'),
        at: isoInstant(z)
          .describe(
            'When the clock started: waiting-list entry (DiLO) or receipt of the urgent referral or consultant upgrade (NHS).',
          )
          .meta({ title: 'Clock start' }),
      })
      .strict()
      .meta({ title: 'Clock started' }),
    z
      .object({
        type: z.literal('patient-informed'),
        at: happenedAt(z),
        outcome: z
          .enum(['diagnosis', 'cancer-ruled-out'])
          .optional()
          .describe('What the patient was told, when the record says.')
          .meta({ title: 'What they were told' }),
      })
      .strict()
      .meta({ title: 'Patient informed of the result' }),
    z
      .object({
        type: z.literal('clock-adjustment'),
        at: isoInstant(z)
          .describe('The date of the reasonable offer the patient declined (ISO 8601 with offset).')
          .meta({ title: 'Declined offer date' }),
        deadline: deadlineId(z),
        days: z
          .number()
          .int()
          .min(1)
          .max(365)
          .describe(
            'Days the clock is adjusted by: from the declined offer to when the patient is available.',
          )
          .meta({ title: 'Adjustment', unit: 'days' }),
        reason: operatorReason(z),
      })
      .strict()
      .meta({ title: 'Clock adjustment (declined offer)' }),
    z
      .object({
        type: z.literal('delay-reason'),
        at: happenedAt(z),
        deadline: deadlineId(z),
        reason: operatorReason(z),
      })
      .strict()
      .meta({ title: 'Delay reason' }),
    z
      .object({ type: z.literal('specialist-visit-done'), at: happenedAt(z) })
      .strict()
      .meta({ title: 'Specialist visit done' }),
    z
      .object({ type: z.literal('cancer-confirmed'), at: happenedAt(z) })
      .strict()
      .meta({ title: 'Cancer confirmed' }),
    z
      .object({ type: z.literal('cancer-ruled-out'), at: happenedAt(z) })
      .strict()
      .meta({ title: 'Cancer ruled out' }),
    z
      .object({
        type: z.literal('in-depth-diagnostics-done'),
        at: happenedAt(z),
        presentedAt: isoInstant(z)
          .optional()
          .describe(
            'When the patient presented at the treating hospital (starts the plan deadline). Default: when it happened.',
          )
          .meta({ title: 'Presented at the treating hospital' }),
      })
      .strict()
      .meta({ title: 'In-depth diagnostics done' }),
    z
      .object({
        type: z.literal('consilium-plan'),
        at: happenedAt(z),
        coordinator: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .optional()
          .describe("The coordinator the consilium named (a staff member's name), told to the patient.")
          .meta({ title: 'Coordinator' }),
      })
      .strict()
      .meta({ title: 'Treatment plan agreed (consilium)' }),
    z
      .object({ type: z.literal('treatment-started'), at: happenedAt(z) })
      .strict()
      .meta({ title: 'Treatment started' }),
    z
      .object({ type: z.literal('treatment-finished'), at: happenedAt(z) })
      .strict()
      .meta({ title: 'Treatment finished' }),
  ]),
);

export type OncologyFastTrackEvent = z.output<ReturnType<typeof oncologyFastTrackEvent>>;
export type OncologyEventType = OncologyFastTrackEvent['type'];

/** Events that record a fact about the card's clocks without moving it to another stage. */
export const CLOCK_EVENT_TYPES = [
  'clock-started',
  'patient-informed',
  'clock-adjustment',
  'delay-reason',
] as const;
export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number];
export type ClockEvent = Extract<OncologyFastTrackEvent, { type: ClockEventType }>;
export type StageEventType = Exclude<OncologyEventType, ClockEventType>;
export type StageEvent = Extract<OncologyFastTrackEvent, { type: StageEventType }>;

export const isClockEvent = (event: OncologyFastTrackEvent): event is ClockEvent =>
  (CLOCK_EVENT_TYPES as readonly string[]).includes(event.type);
