import type { Milestone, OncologyEventType, OncologyFastTrackEvent } from './oncology-fast-track.contract';

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

export const EVENT_RULES: Record<OncologyEventType, EventRule> = {
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
 * Why an event cannot be recorded now, or undefined if it can. The update validator turns the
 * reason into a rejection, so nothing of a refused event reaches the journey's history.
 */
export function rejectionOf(
  event: OncologyFastTrackEvent,
  stage: CardStage,
  milestones: MilestoneTimes,
  now: number,
): string | undefined {
  const rule = EVENT_RULES[event.type];
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
function presentationProblem(
  event: OncologyFastTrackEvent,
  milestones: MilestoneTimes,
  now: number,
): string | undefined {
  if (event.type !== 'in-depth-diagnostics-done' || event.presentedAt === undefined) return undefined;
  return timingProblem('presentedAt', Date.parse(event.presentedAt), milestones, now, false);
}

function latestMilestone(milestones: MilestoneTimes): [Milestone | undefined, number] {
  let latest: [Milestone | undefined, number] = [undefined, -Infinity];
  for (const [milestone, at] of Object.entries(milestones) as Array<[Milestone, number]>) {
    if (at > latest[1]) latest = [milestone, at];
  }
  return latest;
}

function happenedAt(event: OncologyFastTrackEvent, now: number): number {
  return event.at === undefined ? now : Date.parse(event.at);
}

/** The milestones an accepted event reaches: its own, any skipped ones it implies, and the presentation. */
export function milestonesReachedBy(
  event: OncologyFastTrackEvent,
  milestones: MilestoneTimes,
  now: number,
): MilestoneTimes {
  const rule = EVENT_RULES[event.type];
  const at = happenedAt(event, now);
  const reached: MilestoneTimes = { [rule.milestone]: at };
  for (const implied of rule.implies) if (milestones[implied] === undefined) reached[implied] = at;
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
    .flatMap((rule) => [rule.milestone, ...rule.implies]);
}
