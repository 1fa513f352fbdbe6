import { localDate, monthsBetween, monthsOverdue } from './screening-due';

describe(monthsOverdue.name, () => {
  const today = '2026-11-22';

  test('counts whole calendar months since the item fell due', () => {
    expect(monthsOverdue('2021-11-15', 24, today)).toBe(36); // mammogram every 2 years, last 5 years ago
    expect(monthsOverdue('2021-11-23', 24, today)).toBe(35); // one day short of the 36th month
  });

  test('is 0 when not yet due, and unknown without a last date', () => {
    expect(monthsOverdue('2026-03-01', 12, today)).toBe(0);
    expect(monthsOverdue(undefined, 12, today)).toBeUndefined();
  });

  test('[HZ-63] a colonoscopy 10 years ago is a few days overdue by its own 10 years, not 9 years by a FIT year', () => {
    expect(monthsOverdue('2016-11-01', 120, today)).toBe(0);
    expect(monthsOverdue('2016-11-01', 12, today)).toBe(108); // what the item's shortest interval claimed
  });
});

describe(localDate.name, () => {
  test("[HZ-66] the patient's date turns at their own midnight, not at UTC's", () => {
    const lateEveningInChicago = Date.parse('2026-03-01T03:30:00Z');
    expect(localDate(lateEveningInChicago, 'America/Chicago')).toBe('2026-02-28');
    expect(localDate(lateEveningInChicago, 'UTC')).toBe('2026-03-01');
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2026-01-31', '2026-03-01')).toBe(1);
  });
});
