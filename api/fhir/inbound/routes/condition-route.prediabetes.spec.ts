import type { Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../../../contracts/ehr/code-systems';
import { requireValidFhirResource } from '../fhir-validation';
import { condition } from '../inbound.test-support';
import { routeResource } from '../route-resource';

const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));
const { icd10cm, icd10, snomed } = CODE_SYSTEMS;

describe('routeCondition: the prediabetes entries', () => {
  test.each([
    ['type 1 (ICD-10-CM E10.9)', { system: icd10cm, code: 'E10.9' }],
    ['other specified (ICD-10-CM E13.65)', { system: icd10cm, code: 'E13.65' }],
    ['drug-induced (ICD-10 E09)', { system: icd10, code: 'E09' }],
    ['diabetes mellitus (SNOMED CT 73211009)', { system: snomed, code: '73211009' }],
    ['type 1 (SNOMED CT 46635009)', { system: snomed, code: '46635009' }],
  ])('diabetes of any type, %s, tells the prediabetes journey a clinician diagnosed it', (_name, code) => {
    expect(route(condition('pat-7', code))).toMatchObject({
      kind: 'event',
      rule: 'diabetes-diagnosis',
      events: { 'prediabetes-care': { type: 'diabetes-diagnosed' } },
    });
  });

  test('[HZ-17] a type 1 diabetes diagnosis ends prevention care, not only type 2', () => {
    expect(route(condition('pat-7', { system: icd10cm, code: 'E10.65' }))).toMatchObject({
      events: { 'prediabetes-care': { type: 'diabetes-diagnosed' } },
    });
  });

  test('gestational diabetes (O24.4) and prediabetes itself are not a diabetes diagnosis', () => {
    expect(route(condition('pat-7', { system: icd10cm, code: 'O24.410' }))).toMatchObject({ kind: 'ignore' });
    expect(route(condition('pat-7', { system: icd10cm, code: 'R73.03' }))).toMatchObject({ kind: 'start' });
  });
});
