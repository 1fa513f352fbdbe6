import type { Encounter, Observation } from '@medplum/fhirtypes';
import { declaredFieldsOf } from './declared-event-fields';

describe('declaredFieldsOf: a definition event filled from the resource that brought it', () => {
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
    period: { start: '2026-11-01T20:00:00Z', end: '2026-11-02T02:00:00Z' },
    hospitalization: { dischargeDisposition: { coding: [{ code: 'home' }] } },
  };

  test('well-known fields by resource type; undeclared ones are not copied', () => {
    expect(
      declaredFieldsOf(encounter, { class: 'string', end: 'date', dischargeDisposition: 'string' }),
    ).toEqual({ class: 'EMER', end: '2026-11-02T02:00:00Z', dischargeDisposition: 'home' });
  });

  test('a field of another type than declared, or with no known path, is left out rather than guessed', () => {
    expect(declaredFieldsOf(encounter, { status: 'number', ward: 'string', start: 'date' })).toEqual({
      start: '2026-11-01T20:00:00Z',
    });
  });

  test('an Observation coded value is read as its code; a resource type with no paths fills nothing', () => {
    const smoking: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '8517006' }] },
    };
    expect(declaredFieldsOf(smoking, { value: 'string', code: 'string' })).toEqual({
      value: '8517006',
      code: '72166-2',
    });
    expect(declaredFieldsOf({ resourceType: 'Basic', code: {} }, { status: 'string' })).toEqual({});
  });
});
