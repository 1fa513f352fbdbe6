import type { DeadlineView, UpcomingTimer } from '../../contracts/journey-contract';
import { daysLate, endOfLocalDayAfter } from './calendar-days';
import type { Milestone } from './oncology-fast-track.contract';
import type { MilestoneTimes } from './oncology-fast-track.pathway';
import type { DeadlineRule } from './oncology-fast-track.settings';
import { DAY_MS } from '../../contracts/durations';

/*
 * The deadline engine: pure functions from the card's milestones, the profile's rules and the
 * alerts already raised to what is due, what to raise now and what operators see. The workflow
 * only keeps the milestones and the alert log, and acts on what these functions say.
 */

/** The rules a card runs with, resolved from its profile and the program settings. */
export interface DeadlineClock {
  rules: DeadlineRule[];
  warnDaysBefore: number;
  timeZone: string;
}

/** When each deadline's warning and breach were raised (epoch ms): each at most once. */
export type AlertLog = Record<string, { warnedAt?: number; breachedAt?: number }>;

/** A deadline whose `from` milestone was reached. */
export interface ArmedDeadline {
  rule: DeadlineRule;
  armedAt: number;
  /** The first instant after the last allowed day. */
  dueAt: number;
  /** Absent when warnings are off. */
  warnAt?: number;
  /** The earliest `metBy` milestone reached, if any. */
  metAt?: number;
}

export interface DueAlert {
  kind: 'warning' | 'breach';
  deadline: ArmedDeadline;
}

/** Days recorded clock adjustments add to each deadline (NHS CWT v12.1), by deadline id. */
export type ClockAdjustments = Readonly<Record<string, number>>;

export function armedDeadlines(
  clock: DeadlineClock,
  milestones: MilestoneTimes,
  adjustments: ClockAdjustments = {},
): ArmedDeadline[] {
  return clock.rules.flatMap((rule) => {
    const armedAt = milestones[rule.from];
    if (armedAt === undefined) return [];
    const dueAt = endOfLocalDayAfter(armedAt, rule.days + (adjustments[rule.id] ?? 0), clock.timeZone);
    const metTimes = rule.metBy.map((milestone) => milestones[milestone]).filter((at) => at !== undefined);
    return [
      {
        rule,
        armedAt,
        dueAt,
        ...(clock.warnDaysBefore > 0 ? { warnAt: dueAt - clock.warnDaysBefore * DAY_MS } : {}),
        ...(metTimes.length > 0 ? { metAt: Math.min(...metTimes) } : {}),
      },
    ];
  });
}

/** Rules whose clock has not started yet: they have no due date to show. */
export function unarmedRules(clock: DeadlineClock, milestones: MilestoneTimes): DeadlineRule[] {
  return clock.rules.filter((rule) => milestones[rule.from] === undefined);
}

export const isMetOnTime = (deadline: ArmedDeadline): boolean =>
  deadline.metAt !== undefined && deadline.metAt < deadline.dueAt;

/**
 * Alerts to raise at `now`. A deadline that passed without its milestone on time is a breach,
 * even if a late milestone is already known (a backdated event): every missed deadline reaches
 * a person. A warning only makes sense while the milestone is still awaited and not yet overdue.
 */
export function dueAlerts(armed: ArmedDeadline[], alerts: AlertLog, now: number): DueAlert[] {
  return armed.flatMap((deadline): DueAlert[] => {
    const raised = alerts[deadline.rule.id] ?? {};
    if (isMetOnTime(deadline)) return [];
    if (now >= deadline.dueAt) return raised.breachedAt === undefined ? [{ kind: 'breach', deadline }] : [];
    const warn = deadline.metAt === undefined && deadline.warnAt !== undefined && now >= deadline.warnAt;
    return warn && raised.warnedAt === undefined ? [{ kind: 'warning', deadline }] : [];
  });
}

/** The warnings and breaches still to come, soonest first (for the progress view and the next wake-up). */
export function upcomingAlerts(armed: ArmedDeadline[], alerts: AlertLog): UpcomingTimer[] {
  return armed
    .filter((deadline) => deadline.metAt === undefined && alerts[deadline.rule.id]?.breachedAt === undefined)
    .flatMap((deadline) => {
      const label = deadlineLabel(deadline.rule);
      const warning =
        deadline.warnAt !== undefined && alerts[deadline.rule.id]?.warnedAt === undefined
          ? [
              {
                id: `deadline-warning:${deadline.rule.id}`,
                label: `Warn the coordinator: ${label}`,
                at: deadline.warnAt,
              },
            ]
          : [];
      return [...warning, { id: `deadline:${deadline.rule.id}`, label: `Due: ${label}`, at: deadline.dueAt }];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ id, label, at }) => ({ id, label, dueAt: new Date(at).toISOString() }));
}

/** The next instant an alert may fall due after `now`, if any. */
export function nextAlertAt(armed: ArmedDeadline[], alerts: AlertLog, now: number): number | undefined {
  const future = upcomingAlerts(armed, alerts)
    .map((timer) => Date.parse(timer.dueAt))
    .filter((at) => at > now);
  return future.length > 0 ? Math.min(...future) : undefined;
}

/**
 * Deadlines as operators see them. Once the card is closed, a deadline still waiting for its
 * milestone no longer applies (void); a breach stays a breach.
 */
export function deadlineViews(armed: ArmedDeadline[], alerts: AlertLog, cardClosed: boolean): DeadlineView[] {
  return armed.map((deadline) => {
    const raised = alerts[deadline.rule.id] ?? {};
    const view: DeadlineView = {
      id: deadline.rule.id,
      label: deadlineLabel(deadline.rule),
      dueAt: new Date(deadline.dueAt).toISOString(),
      status: statusOf(deadline, raised.breachedAt, cardClosed),
      ...(raised.warnedAt !== undefined ? { warnedAt: new Date(raised.warnedAt).toISOString() } : {}),
      ...(raised.breachedAt !== undefined ? { breachedAt: new Date(raised.breachedAt).toISOString() } : {}),
    };
    if (deadline.metAt === undefined) return view;
    return {
      ...view,
      metAt: new Date(deadline.metAt).toISOString(),
      ...(isMetOnTime(deadline) ? {} : { lateByDays: daysLate(deadline.metAt, deadline.dueAt) }),
    };
  });
}

function statusOf(
  deadline: ArmedDeadline,
  breachedAt: number | undefined,
  cardClosed: boolean,
): DeadlineView['status'] {
  if (deadline.metAt !== undefined) return isMetOnTime(deadline) ? 'met' : 'met-late';
  if (breachedAt !== undefined) return 'breached';
  return cardClosed ? 'void' : 'pending';
}

/**
 * The target of the step a patient is waiting for: the earliest deadline still ahead that one of
 * the milestones leaving the current stage would meet. A passed one is no promise to make.
 */
export function nextStepDueAt(armed: ArmedDeadline[], exits: Milestone[], now: number): number | undefined {
  const targets = armed
    .filter((deadline) => deadline.metAt === undefined && deadline.rule.metBy.some((m) => exits.includes(m)))
    .map((deadline) => deadline.dueAt)
    .filter((dueAt) => dueAt > now);
  return targets.length > 0 ? Math.min(...targets) : undefined;
}

export function deadlineLabel(rule: DeadlineRule): string {
  return `${rule.label} (${rule.days} days)`;
}
