import type { Communication, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { condition, pathologyReport } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';

/*
 * The event rules of the oncology card (oncology-fast-track.ehr-events.ts), through the EHR router
 * that reads them from the module list (clock starts: oncology-fast-track.starts.spec.ts):
 * reports and diagnoses move only the card they are linked to, and the FDS stops when the
 * patient is told.
 */
const { carepathOncology, icd10cm, loinc, snomed } = CODE_SYSTEMS;
/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));

function toldCommunication(options: Partial<Communication> = {}): Communication {
  return {
    resourceType: 'Communication',
    id: 'comm-1',
    status: 'completed',
    subject: { reference: 'Patient/pat-7' },
    topic: { coding: [{ system: carepathOncology, code: 'patient-informed-of-outcome' }] },
    basedOn: [{ reference: 'ServiceRequest/sr-DILO-1' }],
    sent: '2026-03-20T14:00:00+00:00',
    ...options,
  };
}

describe('oncology routes: clocks', () => {
  it('[HZ-48] a completed Communication saying the patient was told stops the FDS on its sent date, for its own card only', () => {
    expect(routeResource(toldCommunication())).toEqual({
      kind: 'event',
      rule: 'patient-informed',
      patientId: 'pat-7',
      events: { 'oncology-fast-track': { type: 'patient-informed', at: '2026-03-20T14:00:00+00:00' } },
      target: { linkedTo: ['Communication/comm-1', 'ServiceRequest/sr-DILO-1'], instances: [] },
    });
    expect(routeResource(toldCommunication({ status: 'in-progress' }))).toMatchObject({ kind: 'ignore' });
    // Carepath's own write-back of a message it sent is not the patient being told a result.
    const writeBack = toldCommunication({ topic: undefined, category: [{ text: 'outreach' }] });
    expect(routeResource(writeBack)).toMatchObject({ kind: 'ignore', reason: /no routing rule/ });
  });
});

describe('oncology routes: diagnoses', () => {
  it('[HZ-49] a cancer Condition dates the card by when it was recorded, not by an onset before the referral', () => {
    const diagnosis = {
      ...condition('pat-7', { system: icd10cm, code: 'C18.7' }, { id: 'c-9', onset: '2025-11-01' }),
      recordedDate: '2026-03-18T10:00:00Z',
    };
    expect(routeResource(diagnosis)).toMatchObject({
      kind: 'event',
      events: { 'oncology-fast-track': { type: 'cancer-confirmed', at: '2026-03-18T10:00:00Z' } },
    });
    const undated = condition(
      'pat-7',
      { system: icd10cm, code: 'C18.7' },
      { id: 'c-9', onset: '2025-11-01' },
    );
    expect(routeResource(undated)).toMatchObject({
      events: { 'oncology-fast-track': { type: 'cancer-confirmed' } },
    });
    expect(routeResource(undated)).not.toHaveProperty(['events', 'oncology-fast-track', 'at']);
  });

  it("[HZ-51] a refuted cancer rules out only the card it is linked to, never the patient's running card", () => {
    const refuted = {
      ...condition('pat-7', { system: icd10cm, code: 'C50.911' }, { id: 'c-old', verification: 'refuted' }),
      evidence: [{ detail: [{ reference: 'ServiceRequest/sr-DILO-1' }] }],
    };
    const decision = routeResource(refuted);
    expect(decision).toMatchObject({
      kind: 'event',
      events: { 'oncology-fast-track': { type: 'cancer-ruled-out' } },
      target: { linkedTo: ['Condition/c-old', 'ServiceRequest/sr-DILO-1'], instances: [] },
    });
    expect(decision).not.toHaveProperty('target.running');
  });
});

describe('oncology routes: a cancer diagnosis', () => {
  test('a confirmed cancer moves the card on; a refuted one rules cancer out', () => {
    const confirmed = route({
      ...condition(
        'pat-3',
        { system: icd10cm, code: 'C50.911' },
        { id: 'c-1', onset: '2025-05-21T10:00:00Z' },
      ),
      recordedDate: '2025-05-23T10:00:00Z',
    });
    expect(confirmed).toEqual({
      kind: 'event',
      rule: 'cancer-diagnosis',
      patientId: 'pat-3',
      events: { 'oncology-fast-track': { type: 'cancer-confirmed', at: '2025-05-23T10:00:00Z' } },
      target: {
        linkedTo: ['Condition/c-1'],
        instances: [],
        ifNone: expect.stringMatching(/^Condition .* is linked to no journey/),
      },
    });
    const refuted = route(
      condition('pat-3', { system: icd10cm, code: 'C50.911' }, { verification: 'refuted' }),
    );
    expect(refuted).toMatchObject({ events: { 'oncology-fast-track': { type: 'cancer-ruled-out' } } });
    expect(route(condition('pat-3', { system: icd10cm, code: 'D05.10' }))).toMatchObject({ kind: 'ignore' });
  });
});

describe('oncology routes: diagnostic reports advance the card', () => {
  test('a pathology report concluding malignancy confirms cancer on the card it was ordered for', () => {
    const report = pathologyReport('pat-5', { system: snomed, code: '363346000' }, '2025-06-03T12:00:00Z', {
      id: 'dr-1',
      basedOn: 'ServiceRequest/sr-DILO-2025-000123',
    });
    expect(route(report)).toEqual({
      kind: 'event',
      rule: 'malignancy-reported',
      patientId: 'pat-5',
      events: { 'oncology-fast-track': { type: 'cancer-confirmed', at: '2025-06-03T12:00:00Z' } },
      target: {
        linkedTo: ['DiagnosticReport/dr-1', 'ServiceRequest/sr-DILO-2025-000123'],
        instances: [],
      },
    });
  });

  test("[HZ-22] a report based on no referral reaches no card, not even the patient's only one", () => {
    const report = pathologyReport('pat-5', { system: snomed, code: '363346000' }, '2025-06-03T12:00:00Z', {
      id: 'dr-2',
    });
    expect(route(report)).toMatchObject({
      kind: 'event',
      target: {
        linkedTo: ['DiagnosticReport/dr-2'],
        instances: [],
        ifNone: expect.stringMatching(/^DiagnosticReport coded .*363346000.* is linked to no journey/),
      },
    });
    expect(route(report)).not.toHaveProperty('target.running');
  });

  test('a malignancy code on a laboratory report is not taken as a cancer diagnosis', () => {
    const labReport = pathologyReport(
      'pat-5',
      { system: snomed, code: '363346000' },
      '2025-06-03T12:00:00Z',
      { category: 'CH' },
    );
    expect(route(labReport)).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/^no routing rule matches DiagnosticReport/),
    });
  });

  test('ruled out and staging reports map to their card events; a preliminary report to nothing', () => {
    expect(
      route(
        pathologyReport(
          'pat-5',
          { system: carepathOncology, code: 'malignancy-ruled-out' },
          '2025-06-03T12:00:00Z',
        ),
      ),
    ).toMatchObject({
      events: { 'oncology-fast-track': { type: 'cancer-ruled-out' } },
    });
    const staging = {
      ...pathologyReport('pat-5', { system: carepathOncology, code: 'x' }, '2025-06-10T12:00:00Z'),
      code: { coding: [{ system: loinc, code: '21908-9' }] },
    };
    expect(route(staging)).toMatchObject({
      rule: 'cancer-staging',
      events: { 'oncology-fast-track': { type: 'in-depth-diagnostics-done' } },
    });
    const preliminary = {
      ...pathologyReport('pat-5', { system: snomed, code: '363346000' }, '2025-06-03T12:00:00Z'),
      status: 'preliminary',
    };
    expect(route(preliminary as Resource)).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/status preliminary/),
    });
  });
});
