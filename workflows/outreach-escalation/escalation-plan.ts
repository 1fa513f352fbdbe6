import type { Channel } from '../../activities/outreach/send-message';
import type { UpcomingTimer } from '../../contracts/journey-contract';
import type { StaffTask } from '../journey-runtime';
import { DAY_MS } from '../../contracts/durations';

/*
 * The escalation plan both outreach journeys run: steps as data (a message on some channel, or a
 * staff phone call) at a number of days after the round started, then a window after which the
 * journey closes as unresponsive. Pure functions only: the runner does the waiting and sending.
 */

/** A channel, or `default`: the journey's own first channel (e.g. the screening item's). */
export type ChannelChoice = Channel | 'default';

export interface MessageStep<Wording extends string> {
  afterDays: number;
  action: 'message';
  channel: ChannelChoice;
  wording: Wording;
  /** Hours to wait for a response before the message also goes out on the patient's next channel. */
  respondWithinHours?: number;
}

export interface StaffCallStep {
  afterDays: number;
  action: 'staff-call';
  priority: StaffTask['priority'];
  /** How long staff have to make the call once the task is raised. */
  dueWithinHours: number;
}

export type EscalationStep<Wording extends string> = MessageStep<Wording> | StaffCallStep;

export interface EscalationPlan<Wording extends string> {
  /** In order of `afterDays`; steps with the same day go out one after another. */
  steps: EscalationStep<Wording>[];
  /** Days after the round started when a patient who never responded is closed as unresponsive. */
  closeAfterDays: number;
}

/**
 * One pass through a plan: the first outreach, or a rebooking after a no-show. Times are on the
 * journey's active clock, so a pause shifts every later step by the time spent paused.
 */
export interface EscalationRound {
  /** Unique within the journey (`outreach`, `rebooking-1`): it prefixes the rounds' step keys. */
  readonly id: string;
  readonly startedAtActiveMs: number;
  stepsDone: number;
}

export type EscalationMove<Wording extends string> =
  | { kind: 'step'; step: EscalationStep<Wording>; stepNumber: number; dueAtActiveMs: number }
  | { kind: 'close'; dueAtActiveMs: number };

export function startRound(id: string, activeNowMs: number): EscalationRound {
  return { id, startedAtActiveMs: activeNowMs, stepsDone: 0 };
}

/** What the round does next, and when on the active clock. */
export function nextEscalationMove<Wording extends string>(
  plan: EscalationPlan<Wording>,
  round: EscalationRound,
): EscalationMove<Wording> {
  const step = plan.steps[round.stepsDone];
  if (step) {
    return {
      kind: 'step',
      step,
      stepNumber: round.stepsDone + 1,
      dueAtActiveMs: round.startedAtActiveMs + step.afterDays * DAY_MS,
    };
  }
  return { kind: 'close', dueAtActiveMs: round.startedAtActiveMs + plan.closeAfterDays * DAY_MS };
}

/** The key of a step's message or task: stable across retries and replays, unique per round. */
/** In every escalation step's key, and in no other step's: finds the tasks a plan raised. */
export const ESCALATION_STEP_MARK = ':step-';

export function escalationStepKey(round: EscalationRound, stepNumber: number): string {
  return `${round.id}${ESCALATION_STEP_MARK}${stepNumber}`;
}

/**
 * The round's remaining steps and its closing as operators see them. Wall-clock times are
 * estimates from now: a pause moves them later.
 */
export function upcomingEscalation<Wording extends string>(
  plan: EscalationPlan<Wording>,
  round: EscalationRound,
  activeNowMs: number,
  wallNowMs: number,
): UpcomingTimer[] {
  const toWall = (activeMs: number) =>
    new Date(wallNowMs + Math.max(0, activeMs - activeNowMs)).toISOString();
  const steps = plan.steps.slice(round.stepsDone).map((step, index) => {
    const stepNumber = round.stepsDone + index + 1;
    return {
      id: escalationStepKey(round, stepNumber),
      label: describeStep(step, stepNumber),
      dueAt: toWall(round.startedAtActiveMs + step.afterDays * DAY_MS),
    };
  });
  const close = {
    id: `${round.id}:close`,
    label: 'Close as unresponsive if nothing is booked',
    dueAt: toWall(round.startedAtActiveMs + plan.closeAfterDays * DAY_MS),
  };
  return [...steps, close];
}

export function describeStep<Wording extends string>(
  step: EscalationStep<Wording>,
  stepNumber: number,
): string {
  return step.action === 'message'
    ? `Step ${stepNumber}: message (${step.channel === 'default' ? 'first channel' : step.channel})`
    : `Step ${stepNumber}: staff phone call (${step.priority})`;
}
