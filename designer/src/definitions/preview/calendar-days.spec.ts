import { describe, expect, test } from '@jest/globals';
import type { SimulationResult } from '../../../../shared/journey-definitions/simulate';
import { calendarMonths, localDate, marksByLocalDay } from './calendar-days';

const result = (parts: Partial<SimulationResult>): SimulationResult => ({
  timeline: [],
  messages: [],
  tasks: [],
  deadlines: [],
  final: { status: 'active', stage: 'invited' },
  notes: [],
  inputs: 0,
  ...parts,
});
const message = (at: string) =>
  ({
    at,
    step: 's',
    node: 'n',
    key: 'k',
    language: 'en',
    readingLevel: 'plain',
    channel: 'sms',
    text: 't',
  }) as const;

describe('the preview calendar groups by the patient’s local day', () => {
  test('late evening UTC is already the next day in Warsaw, and the previous one in Los Angeles', () => {
    expect(localDate('2026-03-06T23:30:00Z', 'Europe/Warsaw')).toBe('2026-03-07');
    expect(localDate('2026-03-06T05:30:00Z', 'America/Los_Angeles')).toBe('2026-03-05');
  });

  test('across the spring DST change, each event stays on its local day', () => {
    // Warsaw moves from UTC+1 to UTC+2 at 01:00Z on 29 March 2026: 22:30Z is 23:30 local the day
    // before, and 00:30 local the day after.
    const run = result({
      messages: [message('2026-03-28T22:30:00Z'), message('2026-03-29T22:30:00Z')],
      tasks: [
        {
          at: '2026-03-29T21:59:00Z',
          step: 'call',
          node: 'call',
          kind: 'call',
          title: 'Call',
          priority: 'routine',
          dueAt: '2026-03-31T21:59:00Z',
        },
      ],
      deadlines: [{ id: 'd', label: 'Visit', dueAt: '2026-03-29T22:00:00Z', status: 'pending' }],
    });
    const days = marksByLocalDay(run, 'Europe/Warsaw');
    expect([...days.values()].sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-03-28', message: 1, task: 0, deadline: 0 },
      { date: '2026-03-29', message: 0, task: 1, deadline: 0 },
      { date: '2026-03-30', message: 1, task: 0, deadline: 1 },
    ]);
  });

  test('the months run from the local enrolment month to the horizon, each a Monday-first grid', () => {
    // 23:30 on 31 January in New York is already February in UTC: the calendar starts in January.
    const months = calendarMonths(Date.parse('2026-02-01T04:30:00Z'), 1, 'America/New_York');
    expect(months.map((month) => month.month)).toEqual(['2026-01', '2026-02']);
    const [january, february] = months;
    // 1 January 2026 is a Thursday.
    expect(january!.weeks[0]).toEqual([
      null,
      null,
      null,
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
    // February 2026 starts on a Sunday: five rows, the last ending on Saturday the 28th.
    expect(february!.weeks).toHaveLength(5);
    expect(february!.weeks[4]).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      null,
    ]);
  });
});
