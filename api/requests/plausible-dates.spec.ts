import { DateTime } from 'luxon';
import { implausibleDates } from './plausible-dates';

describe(implausibleDates.name, () => {
  const now = DateTime.fromISO('2026-12-07T10:00:00Z', { zone: 'utc' });
  const window = { yearsBack: 30, yearsAhead: 5 };

  test('names each date outside the window, with the window in the message', () => {
    const problems = implausibleDates(
      {
        appointmentAt: '1900-01-01T09:00:00Z',
        nested: { startedAt: '9999-12-31' },
        note: '1900 was long ago',
      },
      window,
      'params',
      now,
    );
    expect(problems).toEqual([
      {
        field: 'params.appointmentAt',
        message: expect.stringContaining('between 1996-12-07 and 2031-12-07'),
      },
      { field: 'params.nested.startedAt', message: expect.any(String) },
    ]);
  });

  test('lets plausible dates and other text through', () => {
    expect(
      implausibleDates(
        { lastDoneAt: '2016-03-01', at: '2026-12-24T08:00:00+01:00', item: 'mammogram' },
        window,
        '',
        now,
      ),
    ).toEqual([]);
  });

  test('moves its window with the day, though the bounds are worked out once a day', () => {
    const dated = { at: '1996-12-07T12:00:00Z' };
    expect(implausibleDates(dated, window, '', now)).toEqual([]);
    expect(implausibleDates(dated, window, '', now.plus({ hours: 1 }))).toEqual([]);
    expect(implausibleDates(dated, window, '', now.plus({ days: 1 }))).toEqual([
      { field: 'at', message: expect.stringContaining('between 1996-12-08 and 2031-12-08') },
    ]);
    expect(implausibleDates(dated, { ...window, yearsBack: 31 }, '', now.plus({ days: 1 }))).toEqual([]);
  });
});
