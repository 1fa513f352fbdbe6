import { quietHoursZone } from '../deliver-message';
import { renderTemplate } from '../../../shared/engagement/templates/render-template';
import { defaultEngagementPolicy, loadEngagementPolicy } from '../../../shared/engagement/engagement-policy';
import { quietHoursEnd } from './send-window';

/*
 * Safety invariants 2 and 9: quiet hours are the patient's own night, and a time of day a patient
 * reads is in their zone and says which zone it is. Never a silent UTC.
 */
const evening = { start: '21:00', end: '08:00' };
/** 07:30 in Chicago (CST), 13:30 in UTC. */
const earlyMorningInChicago = new Date('2026-12-08T13:30:00Z');

describe('patient time zones in the engagement layer', () => {
  it('[HZ-42] quiet hours use the journey zone when the contact profile has none, never UTC', () => {
    const policy = loadEngagementPolicy({}, 'Europe/Warsaw');
    const zone = quietHoursZone(null, 'America/Chicago', policy);
    expect(zone).toBe('America/Chicago');
    expect(quietHoursEnd(earlyMorningInChicago, evening, zone)?.toISOString()).toBe(
      '2026-12-08T14:00:00.000Z',
    );
    // The patient's own recorded zone wins over the journey's.
    expect(quietHoursZone('Asia/Tokyo', 'America/Chicago', policy)).toBe('Asia/Tokyo');
  });

  it("[HZ-42] a patient nobody knows the zone of gets the organisation's zone, not UTC", () => {
    expect(quietHoursZone(null, undefined, loadEngagementPolicy({}, 'America/Chicago'))).toBe(
      'America/Chicago',
    );
    const tuned = loadEngagementPolicy({ ENGAGEMENT_POLICY: '{"dailyMessageCap":2}' }, 'America/Chicago');
    expect(tuned.defaultTimeZone).toBe('America/Chicago');
    expect(defaultEngagementPolicy.defaultTimeZone).not.toBe('UTC');
    const organisation = quietHoursZone(null, 'not/a-zone', loadEngagementPolicy({}, 'America/Chicago'));
    expect(quietHoursEnd(earlyMorningInChicago, evening, organisation)).not.toBeNull();
  });

  it('[HZ-43] a 09:00 Chicago visit is texted as 9:00 with its zone named, not as 14:00 or 15:00', () => {
    const rendered = renderTemplate({
      key: 'appointment-reminder',
      channel: 'sms',
      language: 'en',
      readingLevel: 'plain',
      values: { appointmentAt: '2026-12-09T15:00:00Z', timeZone: 'America/Chicago' },
    });
    expect(rendered.text).toMatch(/at 0?9:00 \((CST|GMT-6)\)/);
    expect(rendered.text).not.toMatch(/15:00|3:00/);
  });
});
