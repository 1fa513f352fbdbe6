import type { Observation, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { condition, observation } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { FASTING_STATUS, OBSERVATION_CATEGORY_SYSTEM } from './prediabetes-care.ehr-events';

/*
 * The event rules of prediabetes care (prediabetes-care.ehr-events.ts), through the EHR router
 * that reads them from the module list: readings and a diabetes diagnosis.
 */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));
const { icd10cm, icd10, snomed } = CODE_SYSTEMS;
const AT = '2025-05-30T08:00:00+02:00';
const prediabetesInstance = { linkedTo: [], instances: [{ journey: 'prediabetes-care', params: {} }] };

/** A laboratory result as a US Core lab Observation carries it: category laboratory. */
function labResult(
  code: string,
  value: number,
  unit: string,
  change: Partial<Observation> = {},
): Observation {
  return {
    ...observation('pat-1', code, value, unit, AT),
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'laboratory' }] }],
    ...change,
  };
}

function readingOf(resource: Observation) {
  const decision = route(resource);
  if (decision.kind !== 'event') throw new Error(`not routed: ${JSON.stringify(decision)}`);
  expect(decision.target).toEqual(prediabetesInstance);
  return decision.events['prediabetes-care'];
}

describe('routeObservation: a reading says what it is, with its code and unit as received', () => {
  test.each([
    ['HbA1c in %', '4548-4', 6.1, '%', 'hba1c-percent'],
    ['HbA1c by HPLC', '17856-6', 6.1, '%', 'hba1c-percent'],
    ['lab fasting glucose in mg/dL', '1558-6', 112, 'mg/dL', 'fasting-glucose-mg-dl'],
    ['lab fasting glucose in mmol/L', '14771-0', 6.2, 'mmol/L', 'fasting-glucose-mg-dl'],
  ])('%s from the laboratory is a laboratory value', (_name, code, value, unit, metric) => {
    expect(readingOf(labResult(code, value, unit))).toEqual({
      type: 'reading',
      metric,
      value,
      unit,
      source: 'laboratory',
      code: `http://loinc.org|${code}`,
      at: AT,
    });
  });

  test('[HZ-12] an IFCC A1C (LOINC 59261-8) is routed, in mmol/mol as received', () => {
    expect(readingOf(labResult('59261-8', 47, 'mmol/mol'))).toMatchObject({
      metric: 'hba1c-percent',
      value: 47,
      unit: 'mmol/mol',
      source: 'laboratory',
      code: 'http://loinc.org|59261-8',
    });
  });

  test('[HZ-11] an A1C of 47 mmol/mol keeps its value and unit: it is never converted to 6.5 %', () => {
    const reading = readingOf(labResult('4548-4', 47, 'mmol/mol'));
    expect(reading).toMatchObject({ value: 47, unit: 'mmol/mol' });
  });

  test.each([
    ['glucose by glucometer (41653-7)', '41653-7'],
    ['glucose in blood (2339-0)', '2339-0'],
  ])('[HZ-01] %s is a monitoring value even when filed as a laboratory result', (_name, code) => {
    const reading = readingOf(labResult(code, 150, 'mg/dL'));
    expect(reading).toMatchObject({ metric: 'fasting-glucose-mg-dl', value: 150, source: 'point-of-care' });
  });

  test('[HZ-01] a glucometer reading the patient took at home is a home reading', () => {
    const reading = readingOf(
      labResult('41653-7', 140, 'mg/dL', { performer: [{ reference: 'Patient/pat-1' }] }),
    );
    expect(reading).toMatchObject({ source: 'patient-reported' });
  });

  test.each([
    ['the patient as performer', { performer: [{ reference: 'Patient/pat-1' }] }, 'patient-reported'],
    [
      'a vital-signs category',
      { category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'vital-signs' }] }] },
      'point-of-care',
    ],
    ['a point-of-care method', { method: { text: 'Point of care A1C analyser' } }, 'point-of-care'],
    ['a home test kit', { method: { text: 'Home A1C kit' } }, 'home'],
  ])('[HZ-03] a lab-coded A1C with %s is not a laboratory value', (_name, change, source) => {
    expect(readingOf(labResult('4548-4', 6.7, '%', change as Partial<Observation>))).toMatchObject({
      source,
    });
  });

  test('[HZ-03] an A1C that does not say how it was measured carries no source: the journey reads it as monitoring', () => {
    expect(readingOf(observation('pat-1', '4548-4', 6.7, '%', AT))).not.toHaveProperty('source');
  });

  test('[HZ-02] plasma glucose (2345-7) without a documented fast is a random glucose', () => {
    expect(readingOf(labResult('2345-7', 131, 'mg/dL'))).toMatchObject({
      metric: 'random-glucose-mg-dl',
      source: 'laboratory',
      code: 'http://loinc.org|2345-7',
    });
  });

  test('[HZ-02] plasma glucose (2345-7) from a specimen collected fasting is a fasting glucose', () => {
    const fasting = labResult('2345-7', 131, 'mg/dL', {
      contained: [
        {
          resourceType: 'Specimen',
          id: 'sp1',
          collection: {
            fastingStatusCodeableConcept: {
              coding: [{ system: FASTING_STATUS.system, code: FASTING_STATUS.fasting }],
            },
          },
        },
      ],
      specimen: { reference: '#sp1' },
    });
    expect(readingOf(fasting)).toMatchObject({ metric: 'fasting-glucose-mg-dl', source: 'laboratory' });
  });

  test('[HZ-10] a true extreme glucose is routed, not refused as implausible', () => {
    expect(readingOf(labResult('1558-6', 1100, 'mg/dL'))).toMatchObject({ value: 1100 });
    expect(readingOf(labResult('41653-7', 25, 'mg/dL'))).toMatchObject({ value: 25 });
    expect(readingOf(labResult('14771-0', 1.4, 'mmol/L'))).toMatchObject({ value: 1.4, unit: 'mmol/L' });
  });

  test('body weight in pounds becomes kilograms (a trend, never compared with a clinical limit)', () => {
    expect(readingOf(observation('pat-1', '29463-7', 200, '[lb_av]', AT))).toMatchObject({
      metric: 'weight-kg',
      value: 90.7,
      unit: 'kg',
    });
  });

  test('a reading dated by day only is placed at the start of that day (UTC)', () => {
    expect(readingOf(observation('pat-1', '29463-7', 90, 'kg', '2025-05-30'))).toMatchObject({
      at: '2025-05-30T00:00:00Z',
    });
  });

  test.each([
    ['a preliminary result', { status: 'preliminary' }, /status preliminary: only final, amended, corrected/],
    [
      'an unknown unit',
      { valueQuantity: { value: 6.1, unit: 'g/dL', code: 'g/dL' } },
      /unit "g\/dL" is not accepted for HbA1c \(accepted: %, mmol\/mol\)/,
    ],
    [
      'an implausible value',
      { valueQuantity: { value: 61, unit: '%', code: '%' } },
      /HbA1c 61 % is outside the plausible range 3-20/,
    ],
    ['no value', { valueQuantity: undefined, valueString: 'see report' }, /has no valueQuantity/],
    [
      'no patient',
      { subject: { reference: 'Group/cohort-1' } },
      /Observation.subject is not a Patient\/<id> reference/,
    ],
  ])('%s is ignored with its reason', (_name, change, reason) => {
    const decision = route({ ...labResult('4548-4', 6.1, '%'), ...change } as Resource);
    expect(decision).toEqual({ kind: 'ignore', rule: 'hba1c-result', reason: expect.stringMatching(reason) });
  });

  test('[HZ-06] a laboratory result with no time is ignored with its reason, never taken as a new sample', () => {
    const undated = labResult('4548-4', 6.8, '%');
    delete undated.effectiveDateTime;
    expect(route(undated)).toEqual({
      kind: 'ignore',
      rule: 'hba1c-result',
      reason: 'the laboratory HbA1c result has no effective time or issued date',
    });
  });
});

describe('routeCondition: a diabetes diagnosis ends prediabetes care', () => {
  test('type 2 diabetes tells the prediabetes journey a clinician diagnosed it', () => {
    expect(route(condition('pat-2', { system: icd10cm, code: 'E11.9' }))).toEqual({
      kind: 'event',
      rule: 'diabetes-diagnosis',
      patientId: 'pat-2',
      events: { 'prediabetes-care': { type: 'diabetes-diagnosed' } },
      target: prediabetesInstance,
    });
  });

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
