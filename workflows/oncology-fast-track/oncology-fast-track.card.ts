import type { DeadlineView, FactValue, UpcomingTimer } from '../journey-contract';
import {
  MILESTONES,
  type DeadlineProfileId,
  type Milestone,
  type OncologyFastTrackEvent,
} from './oncology-fast-track.contract';
import {
  armedDeadlines,
  deadlineViews,
  dueAlerts,
  nextAlertAt,
  nextStepDueAt,
  unarmedRules,
  upcomingAlerts,
  type AlertLog,
  type ArmedDeadline,
  type DeadlineClock,
  type DueAlert,
} from './oncology-fast-track.deadlines';
import {
  CLOSING_STAGES,
  EVENT_RULES,
  MILESTONE_LABELS,
  exitMilestones,
  handlingOf,
  milestonesReachedBy,
  type CardStage,
  type EventHandling,
  type MilestoneTimes,
} from './oncology-fast-track.pathway';

/** An event that came before the step it follows, kept until the card reaches that step. */
export interface HeldEvent {
  event: OncologyFastTrackEvent;
  /** When the journey received it (workflow time): its date defaults to that. */
  receivedAt: number;
}

/**
 * One card's state, free of Temporal: where it is, which milestones it reached when, and which
 * deadline alerts were raised. The workflow feeds it events and the time, and acts on its answers.
 */
export class CardState {
  stage: CardStage = 'waiting-list';
  coordinator: string | undefined;
  private readonly milestones: MilestoneTimes;
  /** Milestones recorded only because a later step implied them, at that step's date. */
  private readonly implied = new Set<Milestone>();
  private readonly held: HeldEvent[] = [];
  private readonly alerts: AlertLog = {};

  constructor(
    readonly profile: DeadlineProfileId,
    private readonly clock: DeadlineClock,
    clockStartAt: number,
  ) {
    this.milestones = { 'clock-start': clockStartAt };
  }

  get closed(): boolean {
    return CLOSING_STAGES.includes(this.stage);
  }

  /** What the card would do with the event now (see EventHandling); a held copy is a duplicate. */
  handling(event: OncologyFastTrackEvent, now: number): EventHandling {
    const handling = handlingOf(event, this.stage, this.milestones, this.implied, now);
    if (handling.action === 'hold' && this.held.some((held) => held.event.type === event.type)) {
      const label = MILESTONE_LABELS[EVENT_RULES[event.type].milestone];
      return { action: 'reject', reason: `${label} has already been received and is held on this card.` };
    }
    return handling;
  }

  /** Records an accepted next step or correction; answers the deadlines it met (on time or late). */
  apply(event: OncologyFastTrackEvent, now: number): ArmedDeadline[] {
    const metBefore = new Set(
      this.armed().flatMap((deadline) => (deadline.metAt === undefined ? [] : [deadline.rule.id])),
    );
    const rule = EVENT_RULES[event.type];
    const reached = milestonesReachedBy(event, this.milestones, now);
    const correcting = this.implied.has(rule.milestone);
    for (const [milestone, at] of Object.entries(reached) as Array<[Milestone, number]>) {
      // A correction replaces only dates that were implied; it never moves a recorded one.
      if (correcting && this.milestones[milestone] !== undefined && !this.implied.has(milestone)) continue;
      this.milestones[milestone] = at;
      if (milestone === rule.milestone || correcting) this.implied.delete(milestone);
      else if (rule.implies.includes(milestone)) this.implied.add(milestone);
    }
    if (event.type === 'consilium-plan' && event.coordinator) this.coordinator = event.coordinator;
    if (!correcting) this.stage = rule.leadsTo;
    return this.armed().filter(
      (deadline) => deadline.metAt !== undefined && !metBefore.has(deadline.rule.id),
    );
  }

  hold(event: OncologyFastTrackEvent, receivedAt: number): void {
    this.held.push({ event, receivedAt });
  }

  /**
   * The held event to act on now, earliest date first, with what to do with it: apply it, or
   * drop it when the card went another way (closed, or a date it can no longer fit).
   */
  nextHeld(): { held: HeldEvent; handling: EventHandling } | undefined {
    const dateOf = ({ event, receivedAt }: HeldEvent) => (event.at ? Date.parse(event.at) : receivedAt);
    const ordered = [...this.held].sort((a, b) => dateOf(a) - dateOf(b));
    for (const held of ordered) {
      const handling = handlingOf(held.event, this.stage, this.milestones, this.implied, held.receivedAt);
      if (handling.action === 'hold') continue;
      this.held.splice(this.held.indexOf(held), 1);
      return { held, handling };
    }
    return undefined;
  }

  armed(): ArmedDeadline[] {
    return armedDeadlines(this.clock, this.milestones);
  }

  /** Alerts due at `now`; no more once the card is closed. */
  dueAlerts(now: number): DueAlert[] {
    return this.closed ? [] : dueAlerts(this.armed(), this.alerts, now);
  }

  raised(alert: DueAlert, now: number): void {
    const id = alert.deadline.rule.id;
    this.alerts[id] = {
      ...this.alerts[id],
      ...(alert.kind === 'warning' ? { warnedAt: now } : { breachedAt: now }),
    };
  }

  nextAlertAt(now: number): number | undefined {
    return this.closed ? undefined : nextAlertAt(this.armed(), this.alerts, now);
  }

  deadlines(): DeadlineView[] {
    return deadlineViews(this.armed(), this.alerts, this.closed);
  }

  upcoming(): UpcomingTimer[] {
    return this.closed ? [] : upcomingAlerts(this.armed(), this.alerts);
  }

  /** The target of the step a patient in `stage` waits for, if the profile sets one still ahead. */
  nextStepDueAt(stage: CardStage, now: number): number | undefined {
    return nextStepDueAt(this.armed(), exitMilestones(stage), now);
  }

  facts(): Record<string, FactValue> {
    const notStarted = this.closed ? [] : unarmedRules(this.clock, this.milestones).map((rule) => rule.id);
    const reached = MILESTONES.filter((milestone) => this.milestones[milestone] !== undefined);
    return {
      profile: this.profile,
      deadlinesNotStartedYet: notStarted.length > 0 ? notStarted.join(', ') : null,
      coordinator: this.coordinator ?? null,
      // Each milestone's clinical date, in clinical order, whatever order the events came in.
      ...Object.fromEntries(
        reached.map((milestone) => [
          `${milestone}At`,
          `${new Date(this.milestones[milestone]!).toISOString()}${this.implied.has(milestone) ? ' (implied)' : ''}`,
        ]),
      ),
      heldEvents: this.held.length > 0 ? this.held.map((held) => held.event.type).join(', ') : null,
    };
  }
}
