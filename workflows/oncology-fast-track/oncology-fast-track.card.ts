import type { DeadlineView, FactValue, UpcomingTimer } from '../../contracts/journey-contract';
import { HELD_EVENTS_FACT } from '../../contracts/journey-facts';
import {
  isClockEvent,
  MILESTONES,
  type ClockEvent,
  type ClockStart,
  type DeadlineProfileId,
  type Milestone,
  type OncologyFastTrackEvent,
  type StageEvent,
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
  type ClockAdjustments,
  type DeadlineClock,
  type DueAlert,
} from './oncology-fast-track.deadlines';
import { PROFILE_TIME_ZONES, type OncologyFastTrackSettings } from './oncology-fast-track.settings';
import {
  CLOSING_STAGES,
  MILESTONE_LABELS,
  eventRuleOf,
  exitMilestones,
  handlingOf,
  milestonesReachedBy,
  placedEarlyDiagnosis,
  type CardStage,
  type EventHandling,
  type MilestoneTimes,
} from './oncology-fast-track.pathway';
import { HOUR_MS } from '../../contracts/durations';

/** An event that came before the step it follows, kept until the card reaches that step. */
export interface HeldEvent {
  event: OncologyFastTrackEvent;
  /** When the journey received it (workflow time): its date defaults to that. */
  receivedAt: number;
}

/** A delay reason an operator recorded against a deadline (NHS CWT v12.1): shown, never moves the clock. */
export interface DelayReason {
  deadline: string;
  reason: string;
  at: number;
}

/**
 * One card's state, free of Temporal: where it is, which milestones it reached when, and which
 * deadline alerts were raised. The workflow feeds it events and the time, and acts on its answers.
 * `sourceClocks` is the clock rules of the sources (NHS CWT v12.1, DiLO); false only for cards
 * that started before them, so their histories replay as they ran.
 */
export class CardState {
  stage: CardStage = 'waiting-list';
  coordinator: string | undefined;
  private readonly milestones: MilestoneTimes;
  /** Milestones recorded only because a later step implied them, at that step's date. */
  private readonly implied = new Set<Milestone>();
  private readonly held: HeldEvent[] = [];
  private readonly alerts: AlertLog = {};
  private readonly adjustments: Record<string, number> = {};
  private readonly adjustmentKeys = new Set<string>();
  readonly delayReasons: DelayReason[] = [];

  constructor(
    readonly profile: DeadlineProfileId,
    private readonly clock: DeadlineClock,
    clockStartAt: number | undefined,
    readonly sourceClocks = false,
  ) {
    this.milestones = clockStartAt === undefined ? {} : { 'clock-start': clockStartAt };
  }

  /** Closed once ruled out or treated, unless a clock still waits for the patient to be told. */
  get closed(): boolean {
    return CLOSING_STAGES.includes(this.stage) && !this.awaitsPatientInformed();
  }

  get clockStarted(): boolean {
    return this.milestones['clock-start'] !== undefined;
  }

  /**
   * NHS FDS (CWT v12.1) stops on the date the patient is told of the result, which can come after
   * the card was ruled out: the card stays open (and its deadline escalates) until then, or until
   * the deadline was missed and is with a person.
   */
  private awaitsPatientInformed(): boolean {
    if (!this.sourceClocks || this.milestones['patient-informed'] !== undefined) return false;
    return this.armed().some(
      (deadline) =>
        deadline.rule.metBy.includes('patient-informed') &&
        deadline.metAt === undefined &&
        this.alerts[deadline.rule.id]?.breachedAt === undefined,
    );
  }

  /** What the card would do with the event now (see EventHandling); a held copy is a duplicate. */
  handling(event: OncologyFastTrackEvent, now: number): EventHandling {
    const handling = this.handlingNow(event, now);
    if (handling.action === 'hold' && this.held.some((held) => held.event.type === event.type)) {
      return {
        action: 'reject',
        reason: `${eventLabel(event, this.sourceClocks)} has already been received and is held on this card.`,
      };
    }
    return handling;
  }

  private handlingNow(event: OncologyFastTrackEvent, now: number): EventHandling {
    if (isClockEvent(event)) return this.clockEventHandling(event, now);
    const placed = this.placed(event, now);
    return handlingOf(placed, this.stage, this.milestones, this.implied, now, this.sourceClocks);
  }

  /** The event as the card records it: a diagnosis dated before the clock start is placed (see placedEarlyDiagnosis). */
  placed(event: StageEvent, now: number): StageEvent {
    return (this.sourceClocks && placedEarlyDiagnosis(event, this.milestones, now)) || event;
  }

  /** Records an accepted next step or correction; answers the deadlines it met (on time or late). */
  apply(original: OncologyFastTrackEvent, now: number): ArmedDeadline[] {
    const metBefore = new Set(
      this.armed().flatMap((deadline) => (deadline.metAt === undefined ? [] : [deadline.rule.id])),
    );
    if (isClockEvent(original)) {
      this.applyClockEvent(original, now);
      return this.metSince(metBefore);
    }
    const event = this.placed(original, now);
    const rule = eventRuleOf(event.type, this.sourceClocks);
    const reached = milestonesReachedBy(event, this.milestones, now, this.sourceClocks);
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
    return this.metSince(metBefore);
  }

  private metSince(metBefore: Set<string>): ArmedDeadline[] {
    return this.armed().filter(
      (deadline) => deadline.metAt !== undefined && !metBefore.has(deadline.rule.id),
    );
  }

  /** Clock facts: they never move the card to another stage. */
  private clockEventHandling(event: ClockEvent, now: number): EventHandling {
    const reject = (reason: string): EventHandling => ({ action: 'reject', reason });
    if (this.closed) return reject(`The card is closed (${this.stage}); its clocks have stopped.`);
    const at = event.at === undefined ? now : Date.parse(event.at);
    if (at > now) return reject(`"at" (${iso(at)}) is in the future; record events once they have happened.`);
    const clockStart = this.milestones['clock-start'];
    switch (event.type) {
      case 'clock-started': {
        if (clockStart !== undefined)
          return reject(`The clock start has already been recorded on this card (at ${iso(clockStart)}).`);
        const later = Object.entries(this.milestones).find(([, reachedAt]) => reachedAt < at);
        return later
          ? reject(
              `"at" (${iso(at)}) is after ${MILESTONE_LABELS[later[0] as Milestone]} (${iso(later[1])}): the clock starts before every step.`,
            )
          : { action: 'apply' };
      }
      case 'patient-informed': {
        const informed = this.milestones['patient-informed'];
        if (informed !== undefined)
          return reject(`The patient has already been recorded as told (at ${iso(informed)}).`);
        if (clockStart !== undefined && at < clockStart)
          return reject(`"at" (${iso(at)}) is before the card's clock start (${iso(clockStart)}).`);
        // Told of a result the card has not recorded yet: kept until the result is recorded.
        return this.resultAt() === undefined
          ? { action: 'hold', waitingFor: 'Cancer confirmed or ruled out' }
          : { action: 'apply' };
      }
      case 'clock-adjustment':
      case 'delay-reason': {
        const deadline = this.armed().find((armed) => armed.rule.id === event.deadline);
        const known = this.clock.rules.some((rule) => rule.id === event.deadline);
        if (!known)
          return reject(`This card's profile (${this.profile}) has no deadline "${event.deadline}".`);
        if (!deadline) return reject(`The deadline "${event.deadline}" has not started on this card.`);
        if (event.type === 'delay-reason') return { action: 'apply' };
        if (!deadline.rule.adjustable) {
          return reject(
            `"${event.deadline}" cannot be adjusted: NHS CWT v12.1 allows clock adjustments only where the profile marks the deadline adjustable (a declined reasonable offer of admitted treatment, 31- and 62-day clocks).`,
          );
        }
        if (deadline.metAt !== undefined) return reject(`"${event.deadline}" has already been met.`);
        if (at < deadline.armedAt)
          return reject(
            `"at" (${iso(at)}) is before "${event.deadline}" started (${iso(deadline.armedAt)}).`,
          );
        if (this.adjustmentKeys.has(`${event.deadline}@${at}`))
          return reject(
            `An adjustment of "${event.deadline}" for the offer of ${iso(at)} is already recorded.`,
          );
        return { action: 'apply' };
      }
    }
  }

  /** When cancer was confirmed or ruled out on this card, if it was. */
  private resultAt(): number | undefined {
    const times = [this.milestones['cancer-confirmed'], this.milestones['cancer-ruled-out']];
    const known = times.filter((time) => time !== undefined);
    return known.length > 0 ? Math.min(...known) : undefined;
  }

  private applyClockEvent(event: ClockEvent, now: number): void {
    const at = event.at === undefined ? now : Date.parse(event.at);
    switch (event.type) {
      case 'clock-started':
        this.milestones['clock-start'] = at;
        return;
      case 'patient-informed':
        // Not told before the result existed: a conversation logged before the report is counted from the report.
        this.milestones['patient-informed'] = Math.max(at, this.resultAt() ?? at);
        return;
      case 'clock-adjustment':
        this.adjustments[event.deadline] = (this.adjustments[event.deadline] ?? 0) + event.days;
        this.adjustmentKeys.add(`${event.deadline}@${at}`);
        return;
      case 'delay-reason':
        this.delayReasons.push({ deadline: event.deadline, reason: event.reason, at });
        return;
    }
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
      const handling = this.handlingNow(held.event, held.receivedAt);
      if (handling.action === 'hold') continue;
      this.held.splice(this.held.indexOf(held), 1);
      return { held, handling };
    }
    return undefined;
  }

  armed(): ArmedDeadline[] {
    return armedDeadlines(this.clock, this.milestones, this.adjustments as ClockAdjustments);
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
      [HELD_EVENTS_FACT]: this.held.length > 0 ? this.held.map((held) => held.event.type).join(', ') : null,
      ...(this.sourceClocks
        ? {
            clockAdjustments:
              Object.keys(this.adjustments).length > 0
                ? Object.entries(this.adjustments)
                    .map(([id, days]) => `${id} +${days} d`)
                    .join(', ')
                : null,
            delayReasons: this.delayReasons.length,
          }
        : {}),
    };
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The rules a card's deadlines run by. Days are the standard's own calendar days (see
 * PROFILE_TIME_ZONES): an NHS card is timed in Europe/London, a DiLO card in Europe/Warsaw,
 * wherever the patient lives. Cards started before the source clocks used the patient's zone.
 */
export function cardClock(
  profile: DeadlineProfileId,
  settings: Pick<OncologyFastTrackSettings, 'profiles' | 'warnDaysBefore'>,
  patientTimeZone: string,
  sourceClocks: boolean,
  startedBy: ClockStart = 'referral',
): DeadlineClock {
  const rules = settings.profiles[profile];
  // NHS CWT v12.1: a consultant upgrade starts the 62-day clock but not the Faster Diagnosis Standard.
  const upgraded = sourceClocks && startedBy === 'consultant-upgrade';
  return {
    rules: upgraded ? rules.filter((rule) => rule.forUpgrades !== false) : rules,
    warnDaysBefore: settings.warnDaysBefore,
    timeZone: sourceClocks ? PROFILE_TIME_ZONES[profile] : patientTimeZone,
  };
}

/**
 * The instant a patient message gives as the last day of a step. The last day is a date of the
 * standard's calendar: its noon reads as the same date in any patient zone within 11 hours of it,
 * where the last millisecond before the due time could read as the next day east of it.
 */
export function lastDayShown(dueAt: number, sourceClocks: boolean): number {
  return sourceClocks ? dueAt - 12 * HOUR_MS : dueAt - 1;
}

/** How the timeline names an event's fact. */
export function eventLabel(event: OncologyFastTrackEvent, sourceClocks: boolean): string {
  switch (event.type) {
    case 'clock-started':
      return MILESTONE_LABELS['clock-start'];
    case 'patient-informed':
      return MILESTONE_LABELS['patient-informed'];
    case 'clock-adjustment':
      return `Clock adjustment of "${event.deadline}" (+${event.days} days, offer declined ${event.at}): ${event.reason}`;
    case 'delay-reason':
      return `Delay reason for "${event.deadline}": ${event.reason}`;
    default:
      return MILESTONE_LABELS[eventRuleOf(event.type, sourceClocks).milestone];
  }
}
