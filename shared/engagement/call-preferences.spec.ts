import type { Patient } from '@medplum/fhirtypes';
import { callPreferencesOf } from '../ehr/patient-context-mapping';
import { defaultEngagementPolicy, engagementPolicySchema } from './engagement-policy';
import { callPlanFor, type CallPreferences } from './call-preferences';
import { HOUR_MS } from '../../contracts/durations';

const eveningsOnWeekdays: CallPreferences = {
  phone: '+13125550100',
  times: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '17:00', end: '19:00' }],
};
const contact = (overrides: Partial<Parameters<typeof callPlanFor>[0]['contact']> = {}) => ({
  phone: '+13125550199',
  timeZone: 'America/Chicago',
  quietHours: null,
  callPreferences: eveningsOnWeekdays,
  ...overrides,
});

describe(callPlanFor.name, () => {
  // Monday 7 December 2026, 09:00 in Chicago (15:00 UTC).
  const mondayMorning = new Date('2026-12-07T15:00:00Z');

  test("[HZ-67] a routine call task names the patient's number and next window in their zone, and is due by its end", () => {
    const plan = callPlanFor({
      contact: contact(),
      policy: defaultEngagementPolicy,
      now: mondayMorning,
      dueAt: new Date(mondayMorning.getTime() + 4 * HOUR_MS), // 13:00 Chicago: before any window opens
      urgent: false,
    });
    expect(plan).toMatchObject({
      phone: '+13125550100',
      timeZone: 'America/Chicago',
      zoneSource: 'patient',
      preferredTimes: ['mon, tue, wed, thu, fri 17:00-19:00'],
      nextWindow: { from: '2026-12-07T23:00:00.000Z', until: '2026-12-08T01:00:00.000Z' },
      dueAt: '2026-12-08T01:00:00.000Z',
    });
    expect(plan.instructions).toBe(
      'Call +13125550100 between 17:00 and 19:00 on Monday 7 December (America/Chicago); ' +
        'the patient takes calls mon, tue, wed, thu, fri 17:00-19:00.',
    );
  });

  test('[HZ-67] a weekend skips to Monday; a deadline after a window opens is kept; an urgent call keeps its deadline', () => {
    const saturday = new Date('2026-12-12T15:00:00Z');
    const weekend = callPlanFor({
      contact: contact(),
      policy: defaultEngagementPolicy,
      now: saturday,
      urgent: false,
    });
    expect(weekend.nextWindow?.from).toBe('2026-12-14T23:00:00.000Z');
    const later = new Date(mondayMorning.getTime() + 72 * HOUR_MS);
    expect(
      callPlanFor({
        contact: contact(),
        policy: defaultEngagementPolicy,
        now: mondayMorning,
        dueAt: later,
        urgent: false,
      }).dueAt,
    ).toBe(later.toISOString());
    const soon = new Date(mondayMorning.getTime() + 2 * HOUR_MS);
    expect(
      callPlanFor({
        contact: contact(),
        policy: defaultEngagementPolicy,
        now: mondayMorning,
        dueAt: soon,
        urgent: true,
      }).dueAt,
    ).toBe(soon.toISOString());
  });

  test('[HZ-67] without call times, quiet hours for calls bound the window; with neither, the task says none are recorded', () => {
    const quiet = callPlanFor({
      contact: contact({ callPreferences: null, quietHours: { call: { start: '20:00', end: '09:30' } } }),
      policy: defaultEngagementPolicy,
      now: mondayMorning,
      urgent: false,
    });
    expect(quiet).toMatchObject({ phone: '+13125550199', nextWindow: { from: '2026-12-07T15:30:00.000Z' } });
    const none = callPlanFor({
      contact: contact({ callPreferences: null, timeZone: null }),
      policy: engagementPolicySchema.parse({ defaultTimeZone: 'Europe/Warsaw' }),
      now: mondayMorning,
      urgent: false,
    });
    expect(none.nextWindow).toBeUndefined();
    expect(none).toMatchObject({ timeZone: 'Europe/Warsaw', zoneSource: 'organisation default' });
    expect(none.instructions).toContain("the organisation's zone: the patient's is unknown");
  });
});

describe(callPreferencesOf.name, () => {
  test("[HZ-67] the EHR's preferred phone (landline included) and its available times become the call preferences", () => {
    const patient: Patient = {
      resourceType: 'Patient',
      address: [{ use: 'home', country: 'US', state: 'IL' }],
      telecom: [
        { system: 'phone', use: 'mobile', value: '(312) 555-0199', rank: 2 },
        {
          system: 'phone',
          use: 'home',
          value: '(312) 555-0100',
          rank: 1,
          extension: [
            {
              url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/contactpoint-availabletime',
              extension: [
                { url: 'daysOfWeek', valueCode: 'sat' },
                { url: 'daysOfWeek', valueCode: 'sun' },
                { url: 'availableStartTime', valueTime: '10:00:00' },
                { url: 'availableEndTime', valueTime: '12:00:00' },
              ],
            },
          ],
        },
      ],
    };
    expect(callPreferencesOf(patient)).toEqual({
      phone: '+13125550100',
      times: [{ days: ['sat', 'sun'], start: '10:00', end: '12:00' }],
    });
  });
});
