import { describe, expect, test } from '@jest/globals';
import { formatCountdown } from './countdown';

const now = new Date('2026-12-02T12:00:00Z');

describe('formatCountdown', () => {
  test('reads ahead in the two largest units, rounded down', () => {
    expect(formatCountdown('2026-12-04T17:30:00Z', now)).toBe('in 2 d 5 h');
    expect(formatCountdown('2026-12-05T12:00:00Z', now)).toBe('in 3 d');
    expect(formatCountdown('2026-12-02T15:10:59Z', now)).toBe('in 3 h 10 min');
    expect(formatCountdown('2026-12-02T12:07:00Z', now)).toBe('in 7 min');
  });

  test('says how late a passed deadline is, or how long ago a timer fired', () => {
    expect(formatCountdown('2026-12-01T09:00:00Z', now)).toBe('1 d 3 h overdue');
    expect(formatCountdown('2026-12-02T11:00:00Z', now, { pastLabel: 'ago' })).toBe('1 h ago');
  });

  test('within a minute either way it is due now; nonsense is shown as sent', () => {
    expect(formatCountdown('2026-12-02T12:00:30Z', now)).toBe('due now');
    expect(formatCountdown('2026-12-02T11:59:31Z', now)).toBe('due now');
    expect(formatCountdown('soon', now)).toBe('soon');
  });
});
