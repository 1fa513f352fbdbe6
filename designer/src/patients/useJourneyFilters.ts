import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type JourneyFilters, STATUS_FILTERS, type StatusFilter } from '../api';

/**
 * The patients list's filters and sort, kept in the address (`?journey=…&status=active&overdue=1&sort=next-deadline`): a
 * refresh keeps them, Back undoes a change, and a link shares the same list. They name journey
 * types, stages and statuses only, never a patient.
 */
export function useJourneyFilters(): [JourneyFilters, (filters: JourneyFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const setFilters = useCallback((next: JourneyFilters) => setParams(searchOf(next)), [setParams]);
  return [filters, setFilters];
}

export function filtersOf(params: URLSearchParams): JourneyFilters {
  const status = params.get('status') ?? '';
  const journey = params.get('journey') ?? '';
  return {
    journey,
    stage: journey ? (params.get('stage') ?? '') : '',
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : '',
    overdue: params.get('overdue') === '1',
    sort: params.get('sort') === 'next-deadline' ? 'next-deadline' : 'started',
  };
}

export function searchOf(filters: JourneyFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.journey) params.set('journey', filters.journey);
  if (filters.journey && filters.stage) params.set('stage', filters.stage);
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.sort !== 'started') params.set('sort', filters.sort);
  return params;
}
