import type { Encounter, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { emergencyEncounter } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';

/*
 * The event rules of the emergency follow-up (emergency-follow-up.ehr-events.ts), through the EHR
 * router that reads them from the module list: what a withdrawn visit and an admission mean.
 */
/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));

describe('emergency follow-up: what moves a running one', () => {
  test('[HZ-31] an emergency visit entered in error goes to the running follow-up, which ends only if it is its visit', () => {
    const withdrawn = emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'entered-in-error');
    expect(route(withdrawn)).toEqual({
      kind: 'event',
      rule: 'emergency-visit-withdrawn',
      patientId: 'pat-4',
      events: { 'emergency-follow-up': { type: 'emergency-visit-withdrawn', encounterId: 'enc-9' } },
      target: {
        linkedTo: [],
        instances: [],
        running: { journeys: ['emergency-follow-up'] },
        ifNone: 'no running emergency follow-up: nothing to withdraw',
      },
    });
  });

  test('[HZ-27] an inpatient admission goes to the running follow-up with its own start date', () => {
    const admission: Encounter = {
      ...emergencyEncounter('pat-4', 'enc-10', '2025-06-02T06:00:00Z', 'in-progress'),
      class: { system: CODE_SYSTEMS.actCode, code: 'IMP' },
      period: { start: '2025-06-02T01:00:00Z' },
    };
    expect(route(admission)).toEqual({
      kind: 'event',
      rule: 'hospital-admission',
      patientId: 'pat-4',
      events: { 'emergency-follow-up': { type: 'readmitted', at: '2025-06-02T01:00:00Z' } },
      target: { linkedTo: [], instances: [], running: { journeys: ['emergency-follow-up'] } },
    });
    expect(route({ ...admission, period: {} })).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(
        /no period.start: whether it followed the emergency discharge is unknown/,
      ),
    });
  });
});
