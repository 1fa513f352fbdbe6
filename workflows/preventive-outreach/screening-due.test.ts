import { monthsOverdue } from './screening-due';

describe(monthsOverdue.name, () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  test('counts whole calendar months since the item fell due', () => {
    expect(monthsOverdue('2021-11-15', 24, now)).toBe(36); // mammogram every 2 years, last 5 years ago
    expect(monthsOverdue('2021-11-23', 24, now)).toBe(35); // one day short of the 36th month
  });

  test('is 0 when not yet due, and unknown without a last date', () => {
    expect(monthsOverdue('2026-03-01', 12, now)).toBe(0);
    expect(monthsOverdue(undefined, 12, now)).toBeUndefined();
  });
});
