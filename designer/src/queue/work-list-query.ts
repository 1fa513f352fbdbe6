import type { ApiInit } from '../api';

export type WorkListQuery = NonNullable<NonNullable<ApiInit<'get', '/api/staff-tasks'>['params']>['query']>;
export type WorkListSort = NonNullable<WorkListQuery['sort']>;

/** What the operator chose above the list; pages restart whenever it changes. */
export interface WorkListFilters {
  mine: boolean;
  unclaimed: boolean;
  urgent: boolean;
  overdue: boolean;
  journeyType: string;
  sort: WorkListSort;
}

export const PAGE_SIZE = 50;

export const noFilters: WorkListFilters = {
  mine: false,
  unclaimed: false,
  urgent: false,
  overdue: false,
  journeyType: '',
  sort: 'priority',
};

/** The API query for the filters and a page (the token of the page before, or none for the first). */
export function workListQuery(filters: WorkListFilters, pageToken: string | undefined): WorkListQuery {
  return {
    status: ['open', 'claimed'],
    sort: filters.sort,
    limit: PAGE_SIZE,
    ...(filters.mine ? { mine: true } : {}),
    ...(filters.unclaimed ? { unclaimed: true } : {}),
    ...(filters.urgent ? { priority: 'urgent' as const } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.journeyType ? { journeyType: filters.journeyType } : {}),
    ...(pageToken ? { pageToken } : {}),
  };
}

/** "1–50 of 213"; "No tasks" when nothing matches. */
export function rangeLabel(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return 'No tasks';
  return `${offset + 1}–${offset + shown} of ${total}`;
}

/** "2 h 5 min", "3 d 4 h": how late a task is, to the minute. */
export function lateness(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
