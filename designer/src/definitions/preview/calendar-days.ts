import type { SimulationResult } from '../../../../shared/journey-definitions/simulate';
import { localTime } from '../../../../workflows/local-days';

/*
 * The preview's calendar: what happens on each of the patient's own days (safety invariant 9).
 * A message at 23:30 in Warsaw is on that Warsaw day, whatever the UTC date, and a month's grid
 * is the patient's month. Pure, so the grouping is tested across a DST change.
 */

export type MarkKind = 'message' | 'task' | 'deadline';

export interface DayMarks {
  /** The patient's local date, `YYYY-MM-DD`. */
  date: string;
  message: number;
  task: number;
  deadline: number;
}

/** `YYYY-MM-DD` of an instant in `timeZone`. */
export function localDate(at: string | number, timeZone: string): string {
  const { year, month, day } = localTime(typeof at === 'number' ? at : Date.parse(at), timeZone);
  return isoDate(year, month, day);
}

/** Messages by when they were sent, tasks by when they were raised, deadlines by when they fall due. */
export function marksByLocalDay(result: SimulationResult, timeZone: string): Map<string, DayMarks> {
  const days = new Map<string, DayMarks>();
  const mark = (at: string, kind: MarkKind) => {
    const date = localDate(at, timeZone);
    const day = days.get(date) ?? { date, message: 0, task: 0, deadline: 0 };
    day[kind]++;
    days.set(date, day);
  };
  result.messages.forEach((message) => mark(message.at, 'message'));
  result.tasks.forEach((task) => mark(task.at, 'task'));
  result.deadlines.forEach((deadline) => mark(deadline.dueAt, 'deadline'));
  return days;
}

export interface CalendarMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Weeks from Monday; `null` pads the days of other months. */
  weeks: (string | null)[][];
}

/** The local months from the enrolment's to the horizon's, each as a Monday-first grid of dates. */
export function calendarMonths(startAt: number, months: number, timeZone: string): CalendarMonth[] {
  const first = localTime(startAt, timeZone);
  return Array.from({ length: months + 1 }, (_, index) => {
    const zeroBased = first.month - 1 + index;
    const year = first.year + Math.floor(zeroBased / 12);
    const month = (zeroBased % 12) + 1;
    return { month: `${year}-${pad(month)}`, weeks: monthGrid(year, month) };
  });
}

function monthGrid(year: number, month: number): (string | null)[][] {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: Sunday 0; the grid starts on Monday.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: daysInMonth }, (_, index) => isoDate(year, month, index + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
