import type { Condition, Observation, Patient } from '@medplum/fhirtypes';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { timeZoneOfAddress } from '../../shared/ehr/address-time-zone';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import {
  contactFieldsOf,
  isCurrentCondition,
  mobilePhoneOf,
  observationSummaryOf,
  preferredLanguageOf,
  TIME_ZONE_EXTENSION,
} from '../../shared/ehr/patient-context-mapping';
import { readPatientContext } from './patient-context';
import { toE164 } from '../../shared/ehr/phone-number';

const now = new Date('2026-05-04T12:00:00Z');

describe('patient context mapping (pure)', () => {
  test('greets by the name the patient goes by, not an old or official one', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      name: [
        { use: 'old', given: ['Kasia'] },
        { use: 'official', given: ['Katarzyna', 'Maria'], family: 'Nowak' },
        { use: 'usual', given: ['Kate'] },
      ],
    };
    expect(contactFieldsOf(patient, now).givenName).toBe('Kate');
  });

  test('texts the preferred current mobile, never a landline, an old number or an ended one', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      telecom: [
        { system: 'phone', value: '+14155550100', use: 'home' },
        { system: 'phone', value: '+14155550101', use: 'mobile', rank: 2 },
        { system: 'phone', value: '+14155550102', use: 'old', rank: 1 },
        { system: 'phone', value: '+14155550103', use: 'mobile', rank: 1, period: { end: '2025-01-01' } },
      ],
    };
    expect(mobilePhoneOf(patient, now)).toBe('+14155550101');
    const landlineOnly: Patient = {
      resourceType: 'Patient',
      telecom: [{ system: 'phone', value: '+14155550100', use: 'work' }],
    };
    expect(mobilePhoneOf(landlineOnly, now)).toBeUndefined();
  });

  test.each([
    ['(202) 555-0123', 'US', '+12025550123'],
    ['1 202 555 0123', 'US', '+12025550123'],
    ['07700 900104', 'GB', '+447700900104'],
    ['601 000 101', 'PL', '+48601000101'],
    ['0048 601 000 101', undefined, '+48601000101'],
    ['+48 601-000-101', undefined, '+48601000101'],
    ['601 000 101', undefined, undefined],
    ['202 555 0123 ext 4', 'US', undefined],
    ['12345', 'US', undefined],
  ])('phone %s in %s is %s in E.164', (typed, country, expected) => {
    expect(toE164(typed, country)).toBe(expected);
  });

  test('language: the preferred one, as a canonical BCP 47 tag', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      communication: [
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] } },
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-mx' }] }, preferred: true },
      ],
    };
    expect(preferredLanguageOf(patient)).toBe('es-MX');
    expect(preferredLanguageOf({ resourceType: 'Patient' })).toBeUndefined();
  });

  test('time zone: the tz-code extension first, else the home address; an invalid zone is ignored', () => {
    const inChicago: Patient = {
      resourceType: 'Patient',
      address: [
        { use: 'old', state: 'CA', country: 'US' },
        { use: 'home', city: 'Chicago', state: 'IL', country: 'US' },
      ],
    };
    expect(contactFieldsOf(inChicago, now).timeZone).toBe('America/Chicago');
    const withExtension: Patient = {
      ...inChicago,
      extension: [{ url: TIME_ZONE_EXTENSION, valueCode: 'America/Denver' }],
    };
    expect(contactFieldsOf(withExtension, now).timeZone).toBe('America/Denver');
    const badExtension: Patient = {
      ...inChicago,
      extension: [{ url: TIME_ZONE_EXTENSION, valueCode: 'Mars/Olympus' }],
    };
    expect(contactFieldsOf(badExtension, now).timeZone).toBe('America/Chicago');
  });

  test.each([
    [{ country: 'PL' }, 'Europe/Warsaw'],
    [{ state: 'AZ' }, 'America/Phoenix'],
    [{ state: 'CDMX', country: 'MX' }, 'America/Mexico_City'],
    [{ state: 'Quintana Roo', country: 'Mexico' }, 'America/Cancun'],
    [{ state: 'BC', country: 'CA' }, 'America/Vancouver'],
    [{ country: 'BR' }, undefined],
    [{ country: 'US' }, undefined],
  ])('address %j is in %s', (address, zone) => {
    expect(timeZoneOfAddress(address)).toBe(zone);
  });

  test('conditions that are resolved, refuted or entered in error are not current', () => {
    const status = (clinical?: string, verification?: string): Condition => ({
      resourceType: 'Condition',
      subject: { reference: 'Patient/x' },
      ...(clinical ? { clinicalStatus: { coding: [{ code: clinical }] } } : {}),
      ...(verification ? { verificationStatus: { coding: [{ code: verification }] } } : {}),
    });
    expect(isCurrentCondition(status('active', 'confirmed'))).toBe(true);
    expect(isCurrentCondition(status())).toBe(true);
    expect(isCurrentCondition(status('resolved'))).toBe(false);
    expect(isCurrentCondition(status('active', 'refuted'))).toBe(false);
    expect(isCurrentCondition(status('active', 'entered-in-error'))).toBe(false);
  });

  test('a blood pressure panel reads as systolic/diastolic', () => {
    const panel: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      effectiveDateTime: '2026-04-20T09:00:00Z',
      component: [
        { code: { text: 'systolic' }, valueQuantity: { value: 142, unit: 'mmHg' } },
        { code: { text: 'diastolic' }, valueQuantity: { value: 91, unit: 'mmHg' } },
      ],
    };
    expect(observationSummaryOf(panel)).toMatchObject({ code: '85354-9', value: '142/91', unit: 'mmHg' });
  });
});

describe('readPatientContext (over HTTP, demo EHR)', () => {
  let sandbox: FhirSandbox;

  beforeAll(async () => {
    sandbox = await startFhirSandbox({ seed: true, seedAt: now });
  });

  afterAll(() => sandbox?.stop());

  const fhir = () =>
    createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 5_000 });

  test('the prediabetes patient: greeting, contact, zone from the address, the diagnosis and the HbA1c', async () => {
    const context = await readPatientContext(fhir(), 'pat-2001', { now });

    expect(context).toMatchObject({
      givenName: 'Robert',
      email: 'robert.evans@patients.example',
      phone: '+13125550171',
      language: 'en',
      timeZone: 'America/Chicago',
    });
    expect(context!.conditions).toEqual([
      {
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'R73.03',
        display: 'Prediabetes',
        onset: expect.any(String),
      },
    ]);
    expect(context!.recentObservations).toContainEqual(
      expect.objectContaining({ system: 'http://loinc.org', code: '4548-4', value: 6.1, unit: '%' }),
    );
  });

  test("recent observations leave out old, cancelled and other patients' results, newest first", async () => {
    const patientId = 'pat-1004';
    const reading = (id: string, effective: string, status: Observation['status'], subject = patientId) =>
      sandbox.repo.createResource<Observation>({
        resourceType: 'Observation',
        id,
        status,
        code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
        subject: { reference: `Patient/${subject}` },
        effectiveDateTime: effective,
        valueQuantity: { value: 80, unit: 'kg' },
      });
    await reading('old-weight', '2024-01-10T08:00:00Z', 'final');
    await reading('cancelled-weight', '2026-05-01T08:00:00Z', 'cancelled');
    await reading('newest-weight', '2026-05-03T08:00:00Z', 'final');
    await reading('someone-elses-weight', '2026-05-03T09:00:00Z', 'final', 'pat-1001');

    const context = await readPatientContext(fhir(), patientId, { now });

    const effective = context!.recentObservations.map((observation) => observation.effective);
    expect(effective[0]).toBe('2026-05-03T08:00:00Z');
    expect(effective).not.toContain('2024-01-10T08:00:00Z');
    expect(effective).not.toContain('2026-05-01T08:00:00Z');
    expect(effective).not.toContain('2026-05-03T09:00:00Z');
    expect(context!.recentObservations).toContainEqual(
      expect.objectContaining({ code: '85354-9', value: '142/91' }),
    );
    expect(context!.conditions.map((condition) => condition.code)).toEqual(['I10']);
  });

  test('Spanish from Mexico City, with no tz-code extension; John has no email or phone', async () => {
    expect(await readPatientContext(fhir(), 'pat-1002', { now })).toMatchObject({
      givenName: 'Lucía',
      language: 'es',
      timeZone: 'America/Mexico_City',
      phone: '+525512340102',
    });
    const john = await readPatientContext(fhir(), 'pat-1003', { now });
    expect(john).toMatchObject({ givenName: 'John', timeZone: 'America/New_York', conditions: [] });
    expect(john!.email).toBeUndefined();
    expect(john!.phone).toBeUndefined();
  });

  test('a patient the EHR does not have is undefined', async () => {
    expect(await readPatientContext(fhir(), 'pat-0000', { now })).toBeUndefined();
  });
});
