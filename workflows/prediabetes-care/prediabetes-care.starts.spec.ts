import type { Resource } from '@medplum/fhirtypes';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { condition } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';

/*
 * The start rule of prediabetes care (prediabetes-care.starts.ts), through the EHR router that
 * reads it from the module list.
 */
const { snomed, icd10cm } = CODE_SYSTEMS;

/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));

describe('prediabetes care: a prediabetes diagnosis starts it', () => {
  test.each([
    ['ICD-10-CM with the dot', { system: icd10cm, code: 'R73.03' }, 'R73.03'],
    ['ICD-10-CM without the dot', { system: icd10cm, code: 'R7303' }, 'R73.03'],
    ['SNOMED CT', { system: snomed, code: '714628002' }, '714628002'],
  ])('prediabetes (%s) enrols the patient in prediabetes care', (_name, code, entryCode) => {
    expect(route(condition('pat-2', code, { onset: '2025-05-20' }))).toEqual({
      kind: 'start',
      rule: 'prediabetes-diagnosis',
      patientId: 'pat-2',
      journey: 'prediabetes-care',
      params: { entry: { kind: 'condition', code: entryCode, at: '2025-05-20T00:00:00Z' } },
    });
  });

  test.each([
    ['resolved', { clinical: 'resolved' }, /clinical status is resolved, not active/],
    ['provisional', { verification: 'provisional' }, /is provisional, not confirmed/],
    ['entered in error', { verification: 'entered-in-error' }, /entered in error/],
    ['refuted', { verification: 'refuted' }, /prediabetes was refuted/],
  ])('a %s prediabetes condition enrols nobody', (_name, options, reason) => {
    expect(route(condition('pat-2', { system: icd10cm, code: 'R73.03' }, options))).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(reason),
    });
  });
});
