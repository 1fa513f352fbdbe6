import type { Milestone, StageEvent, StageEventType } from './oncology-fast-track.contract';

/**
 * The card's clinical order as pure data and functions: which stage each event is accepted in,
 * where it leads, and which earlier milestones it implies when a step was not recorded.
 */
export const CARD_STAGES = [
  'waiting-list',
  'initial-diagnostics',
  'in-depth-diagnostics',
  'treatment-planning',
  'awaiting-treatment',
  'in-treatment',
  'ruled-out',
  'treatment-finished',
] as const;
export type CardStage = (typeof CARD_STAGES)[number];

/** Stages that close the card: the journey ends once the patient has been told. */
export const CLOSING_STAGES: readonly CardStage[] = ['ruled-out', 'treatment-finished'];

/** When each milestone happened (epoch ms); absent until reached. */
export type MilestoneTimes = Partial<Record<Milestone, number>>;

interface EventRule {
  milestone: Milestone;
  acceptedIn: readonly CardStage[];
  leadsTo: CardStage;
  /**
   * Milestones a skipped step implies, reached at the same time: a confirmation includes the
   * specialist visit; a consilium plan follows in-depth diagnostics at the treating hospital
   * (NHS pathways often record no separate in-depth step).
   */
  implies: readonly Milestone[];
}

export const EVENT_RULES: Record<StageEventType, EventRule> = {
  'specialist-visit-done': {
    milestone: 'specialist-visit-done',
    acceptedIn: ['waiting-list'],
    leadsTo: 'initial-diagnostics',
    implies: [],
  },
  'cancer-confirmed': {
    milestone: 'cancer-confirmed',
    acceptedIn: ['waiting-list', 'initial-diagnostics'],
    leadsTo: 'in-depth-diagnostics',
    implies: ['specialist-visit-done'],
  },
  // In-depth diagnostics (histopathology, staging) can still rule cancer out and close the card.
  'cancer-ruled-out': {
    milestone: 'cancer-ruled-out',
    acceptedIn: ['waiting-list', 'initial-diagnostics', 'in-depth-diagnostics'],
    leadsTo: 'ruled-out',
    implies: ['specialist-visit-done'],
  },
  'in-depth-diagnostics-done': {
    milestone: 'in-depth-diagnostics-done',
    acceptedIn: ['in-depth-diagnostics'],
    leadsTo: 'treatment-planning',
    implies: [],
  },
  'consilium-plan': {
    milestone: 'consilium-plan',
    acceptedIn: ['in-depth-diagnostics', 'treatment-planning'],
    leadsTo: 'awaiting-treatment',
    implies: ['in-depth-diagnostics-done', 'presented-at-treating-hospital'],
  },
  'treatment-started': {
    milestone: 'treatment-started',
    acceptedIn: ['awaiting-treatment'],
    leadsTo: 'in-treatment',
    implies: [],
  },
  'treatment-finished': {
    milestone: 'treatment-finished',
    acceptedIn: ['in-treatment'],
    leadsTo: 'treatment-finished',
    implies: [],
  },
};

/**
 * Cards that run the source clocks (NHS CWT v12.1, DiLO): first definitive treatment ends the
 * 62-day standard whether or not a decision to treat was recorded, so treatment can start once
 * cancer is confirmed; it implies the diagnostics were complete, never a decision to treat (the
 * 31-day clock then has no start to measure, and the DiLO plan deadline stays open and escalates).
 */
const TREATMENT_STARTED_WITHOUT_PLAN: EventRule = {
  milestone: 'treatment-started',
  acceptedIn: ['in-depth-diagnostics', 'treatment-planning', 'awaiting-treatment'],
  leadsTo: 'in-treatment',
  implies: ['in-depth-diagnostics-done'],
};

/** The rule of an event type on a card; `sourceClocks` is false only for cards started before the fix. */
export function eventRuleOf(type: StageEventType, sourceClocks: boolean): EventRule {
  return sourceClocks && type === 'treatment-started' ? TREATMENT_STARTED_WITHOUT_PLAN : EVENT_RULES[type];
}

export const MILESTONE_LABELS: Record<Milestone, string> = {
  'clock-start': 'Clock start',
  'specialist-visit-done': 'Specialist visit',
  'cancer-confirmed': 'Cancer confirmed',
  'cancer-ruled-out': 'Cancer ruled out',
  'in-depth-diagnostics-done': 'In-depth diagnostics done',
  'presented-at-treating-hospital': 'Presentation at the treating hospital',
  'consilium-plan': 'Consilium treatment plan',
  'treatment-started': 'Treatment started',
  'treatment-finished': 'Treatment finished',
  'patient-informed': 'Patient told of the diagnosis or that cancer is ruled out',
};

/** Timeline lines for entering each stage: operators read them, so they name steps, not people. */
export const STAGE_SUMMARIES: Record<CardStage, string> = {
  'waiting-list': 'On the waiting list: the deadline clock is running',
  'initial-diagnostics': 'Specialist visit done: initial diagnostics',
  'in-depth-diagnostics': 'Cancer confirmed: in-depth diagnostics',
  'treatment-planning': 'In-depth diagnostics done: waiting for the consilium plan',
  'awaiting-treatment': 'Consilium plan set: waiting for treatment to start',
  'in-treatment': 'Treatment started',
  'ruled-out': 'Card closed: cancer ruled out, back to the GP',
  'treatment-finished': 'Card closed: treatment finished',
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Clinical order of the milestones an event records. EHR events can arrive in any order (a
 * redelivered notification, a result filed before the visit note), so an event's own date, not
 * its arrival, places it: it must fall after every earlier milestone and before every later one.
 * The presentation at the treating hospital may come before or after in-depth diagnostics, so it
 * has no place in this order.
 */
const CLINICAL_RANK: Partial<Record<Milestone, number>> = {
  'clock-start': 0,
  'specialist-visit-done': 1,
  'cancer-confirmed': 2,
  'cancer-ruled-out': 2,
  'in-depth-diagnostics-done': 3,
  'consilium-plan': 4,
  'treatment-started': 5,
  'treatment-finished': 6,
};

/**
 * What to do with an event now:
 * - `apply`: it is the card's next step (or a plausible skip);
 * - `correct`: it records a milestone that a later step implied (a confirmation filed before the
 *   visit note): its own date replaces the implied one, and the deadlines follow;
 * - `hold`: it came before the step it follows (a staging report before the confirmation): the
 *   journey keeps it and applies it once that step is recorded;
 * - `reject`: it can never apply (a duplicate, a passed step, an impossible date, a closed card).
 */
export type EventHandling =
  | { action: 'apply' }
  | { action: 'correct' }
  | { action: 'hold'; waitingFor: string }
  | { action: 'reject'; reason: string };

/** Which milestones a later event implied, rather than an event of their own recorded. */
export type ImpliedMilestones = ReadonlySet<Milestone>;

export function handlingOf(
  event: StageEvent,
  stage: CardStage,
  milestones: MilestoneTimes,
  implied: ImpliedMilestones,
  now: number,
  sourceClocks = false,
): EventHandling {
  const rule = eventRuleOf(event.type, sourceClocks);
  if (!CLOSING_STAGES.includes(stage) && implied.has(rule.milestone)) {
    const problem = placementProblem(rule.milestone, happenedAt(event, now), milestones, now);
    return problem ? { action: 'reject', reason: problem } : { action: 'correct' };
  }
  const reason = rejectionOf(event, stage, milestones, now, sourceClocks);
  if (reason === undefined) return { action: 'apply' };
  const waitingFor = stepBefore(rule, stage);
  if (waitingFor === undefined || milestones[rule.milestone] !== undefined)
    return { action: 'reject', reason };
  const timing =
    timingProblem('at', happenedAt(event, now), milestones, now, true) ??
    presentationProblem(event, milestones, now);
  return timing ? { action: 'reject', reason: timing } : { action: 'hold', waitingFor };
}

/**
 * The step the card still has to take before it accepts an event of `rule`, when the card is at
 * an earlier stage than every one that accepts it; undefined when it is past them (or closed).
 */
function stepBefore(rule: EventRule, stage: CardStage): string | undefined {
  if (CLOSING_STAGES.includes(stage)) return undefined;
  const position = CARD_STAGES.indexOf(stage);
  const first = Math.min(...rule.acceptedIn.map((accepted) => CARD_STAGES.indexOf(accepted)));
  if (position >= first) return undefined;
  const leading = Object.values(EVENT_RULES).find((candidate) => candidate.leadsTo === CARD_STAGES[first]);
  return leading ? MILESTONE_LABELS[leading.milestone] : CARD_STAGES[first];
}

/** An implied milestone's real date must fit the clinical order of everything else recorded. */
function placementProblem(
  milestone: Milestone,
  at: number,
  milestones: MilestoneTimes,
  now: number,
): string | undefined {
  const early = timingProblem('at', at, milestones, now, false);
  if (early) return early;
  const rank = CLINICAL_RANK[milestone]!;
  for (const [other, otherAt] of Object.entries(milestones) as Array<[Milestone, number]>) {
    const otherRank = CLINICAL_RANK[other];
    if (other === milestone || otherRank === undefined) continue;
    if (otherRank < rank && at < otherAt)
      return `"at" (${iso(at)}) is before ${MILESTONE_LABELS[other]} (${iso(otherAt)}); events follow clinical order.`;
    if (otherRank > rank && at > otherAt)
      return `"at" (${iso(at)}) is after ${MILESTONE_LABELS[other]} (${iso(otherAt)}); events follow clinical order.`;
  }
  return undefined;
}

/**
 * Why an event cannot be recorded now as the card's next step, or undefined if it can. The update
 * validator turns a rejection into a refusal, so nothing of a refused event reaches the history.
 */
export function rejectionOf(
  event: StageEvent,
  stage: CardStage,
  milestones: MilestoneTimes,
  now: number,
  sourceClocks = false,
): string | undefined {
  const rule = eventRuleOf(event.type, sourceClocks);
  const label = MILESTONE_LABELS[rule.milestone];
  if (CLOSING_STAGES.includes(stage)) {
    return `The card is closed (${stage}); a new suspicion or a recurrence needs a new card.`;
  }
  const reachedAt = milestones[rule.milestone];
  if (reachedAt !== undefined)
    return `${label} has already been recorded on this card (at ${iso(reachedAt)}).`;
  if (!rule.acceptedIn.includes(stage)) {
    return `${label} cannot be recorded in stage "${stage}": it is accepted in ${rule.acceptedIn.join(', ')}.`;
  }
  return (
    timingProblem('at', happenedAt(event, now), milestones, now, true) ??
    presentationProblem(event, milestones, now)
  );
}

/** Checks an instant an event reports: not in the future, not before the clock start (or, for `at`, any earlier milestone). */
function timingProblem(
  field: string,
  at: number,
  milestones: MilestoneTimes,
  now: number,
  afterEveryMilestone: boolean,
): string | undefined {
  if (at > now) return `"${field}" (${iso(at)}) is in the future; record events once they have happened.`;
  const clockStart = milestones['clock-start'] ?? 0;
  if (at < clockStart)
    return `"${field}" (${iso(at)}) is before the card's clock start (${iso(clockStart)}).`;
  if (!afterEveryMilestone) return undefined;
  const [latest, latestAt] = latestMilestone(milestones);
  if (latest && at < latestAt) {
    return `"${field}" (${iso(at)}) is before ${MILESTONE_LABELS[latest]} (${iso(latestAt)}); events follow clinical order.`;
  }
  return undefined;
}

/** The presentation may come before or after the in-depth diagnostics, so only the clock bounds it. */
function presentationProblem(event: StageEvent, milestones: MilestoneTimes, now: number): string | undefined {
  if (event.type !== 'in-depth-diagnostics-done' || event.presentedAt === undefined) return undefined;
  return timingProblem('presentedAt', Date.parse(event.presentedAt), milestones, now, false);
}

function latestMilestone(milestones: MilestoneTimes): [Milestone | undefined, number] {
  let latest: [Milestone | undefined, number] = [undefined, -Infinity];
  for (const [milestone, at] of Object.entries(milestones) as Array<[Milestone, number]>) {
    // The patient may be told of the result at any later step: it orders nothing else.
    if (milestone === 'patient-informed') continue;
    if (at > latest[1]) latest = [milestone, at];
  }
  return latest;
}

function happenedAt(event: { at?: string | undefined }, now: number): number {
  return event.at === undefined ? now : Date.parse(event.at);
}

/**
 * A diagnosis, or a ruling-out, dated before the clock start is still a diagnosis: the cancer was
 * known before the referral (a pre-existing or earlier-dated Condition), or the suspicion was
 * settled before the waiting-list entry. The card counts it from its latest recorded step, the
 * first moment it could take it, instead of refusing it and sticking. Other events keep their
 * dates; undefined when the event needs no placing.
 */
export function placedEarlyDiagnosis(
  event: StageEvent,
  milestones: MilestoneTimes,
  now: number,
): StageEvent | undefined {
  if (event.type !== 'cancer-confirmed' && event.type !== 'cancer-ruled-out') return undefined;
  const clockStart = milestones['clock-start'];
  const at = happenedAt(event, now);
  if (clockStart === undefined || at >= clockStart) return undefined;
  const [, latestAt] = latestMilestone(milestones);
  return { ...event, at: iso(Math.min(now, Math.max(clockStart, latestAt))) };
}

/** The milestones an accepted event reaches: its own, any skipped ones it implies, and the presentation. */
export function milestonesReachedBy(
  event: StageEvent,
  milestones: MilestoneTimes,
  now: number,
  sourceClocks = false,
): MilestoneTimes {
  const rule = eventRuleOf(event.type, sourceClocks);
  const at = happenedAt(event, now);
  const reached: MilestoneTimes = { [rule.milestone]: at };
  for (const implied of rule.implies) if (milestones[implied] === undefined) reached[implied] = at;
  // DiLO: the plan is due 14 days after presentation at the treating hospital. A plan recorded
  // without that date must not start and meet its own deadline at once: the presentation is
  // taken at the confirmation, the earliest it can have been, so a late plan still escalates
  // (the coordinator corrects it with in-depth-diagnostics-done and its presentedAt).
  if (sourceClocks && reached['presented-at-treating-hospital'] !== undefined) {
    reached['presented-at-treating-hospital'] = Math.min(at, milestones['cancer-confirmed'] ?? at);
  }
  if (event.type === 'in-depth-diagnostics-done') {
    reached['presented-at-treating-hospital'] =
      event.presentedAt === undefined ? at : Date.parse(event.presentedAt);
  }
  return reached;
}

/** The milestones that would take the card out of `stage`: their deadlines are the patient's next target. */
export function exitMilestones(stage: CardStage): Milestone[] {
  return Object.values(EVENT_RULES)
    .filter((rule) => rule.acceptedIn.includes(stage))
    .flatMap((rule) => [
      rule.milestone,
      ...rule.implies,
      // The waiting-list message names the specialist visit: a date of being told the outcome
      // there would read as the visit's (an NHS card has no visit target, only the FDS).
      ...(stage === 'waiting-list' ? [] : toldOf(rule.milestone)),
    ]);
}

/** A result the patient is then told of: the NHS FDS target is the patient's next step too. */
const toldOf = (milestone: Milestone): Milestone[] =>
  milestone === 'cancer-confirmed' || milestone === 'cancer-ruled-out' ? ['patient-informed'] : [];
