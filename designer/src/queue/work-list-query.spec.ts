import { describe, expect, test } from '@jest/globals';
import { lateness, noFilters, rangeLabel, workListQuery } from './work-list-query';

describe('the work list query', () => {
  test('asks for open and claimed tasks, a page of 50, and only the filters chosen', () => {
    expect(workListQuery(noFilters, undefined)).toEqual({
      status: ['open', 'claimed'],
      sort: 'priority',
      limit: 50,
    });
    expect(
      workListQuery(
        { ...noFilters, mine: true, urgent: true, overdue: true, journeyType: 'x', sort: 'due' },
        't1',
      ),
    ).toEqual({
      status: ['open', 'claimed'],
      sort: 'due',
      limit: 50,
      mine: true,
      priority: 'urgent',
      overdue: true,
      journeyType: 'x',
      pageToken: 't1',
    });
  });

  test('shows the range of the page among all matches', () => {
    expect(rangeLabel(0, 50, 213)).toBe('1–50 of 213');
    expect(rangeLabel(200, 13, 213)).toBe('201–213 of 213');
    expect(rangeLabel(0, 0, 0)).toBe('No tasks');
  });

  test('says how late a task is in minutes, hours and days', () => {
    expect(lateness(5)).toBe('5 min');
    expect(lateness(125)).toBe('2 h 5 min');
    expect(lateness(180)).toBe('3 h');
    expect(lateness(3000)).toBe('2 d 2 h');
    expect(lateness(2880)).toBe('2 d');
  });
});
