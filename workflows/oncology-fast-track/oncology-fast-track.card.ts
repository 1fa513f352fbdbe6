import type { DeadlineView, FactValue, UpcomingTimer } from '../journey-contract';
import type { DeadlineProfileId, OncologyFastTrackEvent } from './oncology-fast-track.contract';
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
  exitMilestones,
  milestonesReachedBy,
  rejectionOf,
  type CardStage,
  type MilestoneTimes,
} from './oncology-fast-track.pathway';

/**
 * One card's state, free of Temporal: where it is, which milestones it reached when, and which
 * deadline alerts were raised. The workflow feeds it events and the time, and acts on its answers.
 */
export class CardState {
  stage: CardStage = 'waiting-list';
  coordinator: string | undefined;
  private readonly milestones: MilestoneTimes;
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

  /** Why the event cannot be recorded now, if it cannot. */
  rejection(event: OncologyFastTrackEvent, now: number): string | undefined {
    return rejectionOf(event, this.stage, this.milestones, now);
  }

  /** Records an accepted event; answers the deadlines it met (on time or late). */
  apply(event: OncologyFastTrackEvent, now: number): ArmedDeadline[] {
    const metBefore = new Set(
      this.armed().flatMap((deadline) => (deadline.metAt === undefined ? [] : [deadline.rule.id])),
    );
    Object.assign(this.milestones, milestonesReachedBy(event, this.milestones, now));
    if (event.type === 'consilium-plan' && event.coordinator) this.coordinator = event.coordinator;
    this.stage = EVENT_RULES[event.type].leadsTo;
    return this.armed().filter(
      (deadline) => deadline.metAt !== undefined && !metBefore.has(deadline.rule.id),
    );
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
    return {
      profile: this.profile,
      deadlinesNotStartedYet: notStarted.length > 0 ? notStarted.join(', ') : null,
      coordinator: this.coordinator ?? null,
    };
  }
}
