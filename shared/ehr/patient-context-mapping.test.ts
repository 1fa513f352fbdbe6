import type { Condition, Patient } from '@medplum/fhirtypes';
import { timeZoneOfAddress } from '../../shared/ehr/address-time-zone';
import {
  contactFieldsOf,
  isCurrentCondition,
  mobilePhoneOf,
  preferredLanguageOf,
  TIME_ZONE_EXTENSION,
} from '../../shared/ehr/patient-context-mapping';
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
});
