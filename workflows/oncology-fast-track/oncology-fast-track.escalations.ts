import type { StaffTask } from '../journey-runtime';
import { daysLate } from './calendar-days';
import type { DeadlineProfileId } from './oncology-fast-track.contract';
import { deadlineLabel, isMetOnTime, type DueAlert } from './oncology-fast-track.deadlines';
import { DAY_MS } from '../../contracts/durations';

/** What the coordinator needs to act on a deadline alert: which card, which deadline, by when. */
export interface CardContext {
  cardId: string;
  profile: DeadlineProfileId;
}

/** The step key of an alert: one warning and one breach task per deadline, whatever replays or retries. */
export const alertStep = (alert: DueAlert): string => `deadline-${alert.kind}:${alert.deadline.rule.id}`;

export function deadlineTask(alert: DueAlert, card: CardContext, now: number): StaffTask {
  const { rule, armedAt, dueAt, metAt } = alert.deadline;
  const label = deadlineLabel(rule);
  const details = {
    cardId: card.cardId,
    profile: card.profile,
    deadlineId: rule.id,
    deadline: label,
    startedAt: new Date(armedAt).toISOString(),
    dueAt: new Date(dueAt).toISOString(),
  };
  if (alert.kind === 'warning') {
    const daysLeft = Math.max(1, Math.ceil((dueAt - now) / DAY_MS));
    return {
      kind: 'deadline-warning',
      priority: 'routine',
      title: `${label} due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
      details,
      dueAt: details.dueAt,
    };
  }
  const metLate = metAt !== undefined && !isMetOnTime(alert.deadline);
  return {
    kind: 'deadline-breach',
    priority: 'urgent',
    title: `Deadline missed: ${label}`,
    details: {
      ...details,
      ...(metLate ? { metAt: new Date(metAt).toISOString(), lateByDays: daysLate(metAt, dueAt) } : {}),
    },
    dueAt: details.dueAt,
  };
}
