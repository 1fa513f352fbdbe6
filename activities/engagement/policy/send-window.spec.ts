import { firstAllowedAt, localDay, quietHoursEnd } from './send-window';

const evening = { start: '21:00', end: '08:00' };

describe('quiet hours in the patient time zone', () => {
  it('lets a daytime send go now', () => {
    expect(quietHoursEnd(new Date('2026-03-10T15:00:00Z'), evening, 'Europe/Warsaw')).toBeNull();
  });

  it('[HZ-81] holds a late-evening send until 08:00 local the next morning', () => {
    // 22:30 in Warsaw (UTC+1 in March) is inside the window; 08:00 local is 07:00Z.
    const end = quietHoursEnd(new Date('2026-03-10T21:30:00Z'), evening, 'Europe/Warsaw');
    expect(end?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
  });

  it('[HZ-81] holds a 3 a.m. send until 08:00 the same local day', () => {
    const end = quietHoursEnd(new Date('2026-07-01T07:00:00Z'), evening, 'America/New_York');
    expect(end?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('[HZ-81] uses the local clock on a daylight-saving change', () => {
    // 29 March 2026: Warsaw moves to UTC+2 at 02:00, so 08:00 local is 06:00Z.
    const end = quietHoursEnd(new Date('2026-03-29T00:30:00Z'), evening, 'Europe/Warsaw');
    expect(end?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('handles a window inside one day, and none at all', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(quietHoursEnd(new Date('2026-03-10T12:30:00Z'), lunch, 'UTC')?.toISOString()).toBe(
      '2026-03-10T13:00:00.000Z',
    );
    expect(quietHoursEnd(new Date('2026-03-10T13:00:00Z'), lunch, 'UTC')).toBeNull();
    const at = new Date('2026-03-10T03:00:00Z');
    expect(firstAllowedAt(at, null, 'UTC')).toBe(at);
  });

  it('counts the cap by the local calendar day', () => {
    const day = localDay(new Date('2026-03-10T23:30:00Z'), 'Europe/Warsaw');
    expect(day.start.toISOString()).toBe('2026-03-10T23:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-03-11T23:00:00.000Z');
  });
});
