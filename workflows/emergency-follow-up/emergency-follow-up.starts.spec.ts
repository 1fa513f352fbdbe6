import type { Encounter, Resource } from '@medplum/fhirtypes';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { emergencyEncounter } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';

/*
 * The start rule of the emergency follow-up (emergency-follow-up.starts.ts), through the EHR
 * router that reads it from the module list: what a discharge and its disposition start.
 */
/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));

describe('emergency follow-up: an emergency discharge starts it', () => {
  const visitEvent = (disposition: string) => ({
    type: 'emergency-visit',
    encounterId: 'enc-9',
    dischargedAt: '2025-05-30T06:00:00Z',
    dischargeDisposition: disposition,
  });

  test('[HZ-26] a finished emergency visit home starts the follow-up, or restarts the running one', () => {
    expect(route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z'))).toEqual({
      kind: 'start',
      rule: 'emergency-discharge',
      patientId: 'pat-4',
      journey: 'emergency-follow-up',
      params: { encounterId: 'enc-9', dischargedAt: '2025-05-30T06:00:00Z', dischargeDisposition: 'home' },
      whenRunning: visitEvent('home'),
    });
  });

  describe('[HZ-23] dispositions that rule out a follow-up nudge', () => {
    test.each([
      ['hosp', /discharged to hospice/],
      ['other-hcf', /transferred to another health care facility/],
      ['snf', /skilled nursing facility/],
      ['long', /long-term care/],
    ])(
      '[HZ-23] a discharge with disposition %s starts no follow-up and ends a running one',
      (disposition, label) => {
        const decision = route(
          emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'finished', disposition),
        );
        expect(decision).toEqual({
          kind: 'event',
          rule: 'emergency-discharge',
          patientId: 'pat-4',
          events: { 'emergency-follow-up': visitEvent(disposition) },
          target: {
            linkedTo: [],
            instances: [],
            running: { journeys: ['emergency-follow-up'] },
            ifNone: expect.stringMatching(label),
          },
        });
      },
    );
  });

  test('[HZ-29] a discharge with disposition expired ends every running journey of the patient', () => {
    const decision = route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'finished', 'exp'));
    expect(decision).toMatchObject({
      kind: 'cancel',
      patientId: 'pat-4',
      reason: expect.stringMatching(/died in the emergency department/),
      journeys: expect.arrayContaining(['emergency-follow-up', 'oncology-fast-track', 'preventive-outreach']),
      target: { running: { journeys: expect.arrayContaining(['prediabetes-care', 'appointment-reminder']) } },
    });
  });

  describe('[HZ-24] dispositions a person must check', () => {
    test.each([
      ['no disposition', null, 'unknown'],
      ['"other"', 'oth', 'oth'],
      ['a code outside the code system', 'gone-fishing', 'gone-fishing'],
      ['left against advice', 'aadvice', 'aadvice'],
    ])(
      '[HZ-24] a discharge with %s starts the follow-up carrying it, for the journey to ask staff',
      (_name, code, kept) => {
        expect(
          route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'finished', code)),
        ).toMatchObject({ kind: 'start', params: { dischargeDisposition: kept } });
      },
    );
  });

  test('an emergency visit still in progress, or finished without its end time, starts nothing', () => {
    expect(route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'in-progress'))).toEqual({
      kind: 'ignore',
      rule: 'emergency-discharge',
      reason: expect.stringMatching(/status in-progress changes nothing/),
    });
    const noEnd: Encounter = {
      ...emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z'),
      period: { start: '2025-05-30T02:00:00Z' },
    };
    expect(route(noEnd)).toMatchObject({ kind: 'ignore', reason: expect.stringMatching(/no period.end/) });
  });
});
