import type { Resource } from '@medplum/fhirtypes';
import { clinicalTimeOf, toInstant } from './clinical-time';

describe('toInstant', () => {
  test('keeps a full date-time with its offset, so journeys word it in local time', () => {
    expect(toInstant('2025-05-30T08:00:00+02:00')).toBe('2025-05-30T08:00:00+02:00');
    expect(toInstant('2025-05-30T08:00:00.123Z')).toBe('2025-05-30T08:00:00.123Z');
  });

  test('places partial dates at the start of their day, month or year in UTC', () => {
    expect(toInstant('2025-05-30')).toBe('2025-05-30T00:00:00Z');
    expect(toInstant('2025-05')).toBe('2025-05-01T00:00:00Z');
    expect(toInstant('2025')).toBe('2025-01-01T00:00:00Z');
  });

  test('refuses what is not a FHIR date or date-time', () => {
    expect(toInstant('yesterday')).toBeUndefined();
    expect(toInstant('2025-05-30T08:00:00')).toBeUndefined();
    expect(toInstant(undefined)).toBeUndefined();
  });
});

describe('clinicalTimeOf', () => {
  test.each([
    [
      'Observation effective',
      { resourceType: 'Observation', effectiveDateTime: '2025-01-02', issued: '2025-01-05T00:00:00Z' },
      '2025-01-02T00:00:00Z',
    ],
    [
      'Observation period',
      { resourceType: 'Observation', effectivePeriod: { start: '2025-01-03T10:00:00Z' } },
      '2025-01-03T10:00:00Z',
    ],
    [
      'Condition onset',
      { resourceType: 'Condition', onsetDateTime: '2025-02-01', recordedDate: '2025-02-09' },
      '2025-02-01T00:00:00Z',
    ],
    ['Condition recorded', { resourceType: 'Condition', recordedDate: '2025-02-09' }, '2025-02-09T00:00:00Z'],
    [
      'DiagnosticReport issued',
      { resourceType: 'DiagnosticReport', effectiveDateTime: '2025-03-01', issued: '2025-03-04T12:00:00Z' },
      '2025-03-04T12:00:00Z',
    ],
    [
      'Encounter end',
      { resourceType: 'Encounter', period: { start: '2025-04-01T01:00:00Z', end: '2025-04-01T06:00:00Z' } },
      '2025-04-01T06:00:00Z',
    ],
    [
      'Appointment start',
      { resourceType: 'Appointment', start: '2025-07-01T09:30:00-05:00' },
      '2025-07-01T09:30:00-05:00',
    ],
    [
      'ServiceRequest authored',
      { resourceType: 'ServiceRequest', authoredOn: '2025-05-28' },
      '2025-05-28T00:00:00Z',
    ],
    ['Consent date', { resourceType: 'Consent', dateTime: '2025-06-01T09:00:00Z' }, '2025-06-01T09:00:00Z'],
    ['Patient', { resourceType: 'Patient', birthDate: '1970-01-01' }, undefined],
  ])('%s', (_name, resource, expected) => {
    expect(clinicalTimeOf(resource as Resource)).toBe(expected);
  });
});
