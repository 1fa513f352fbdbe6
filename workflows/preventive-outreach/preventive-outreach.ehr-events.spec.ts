import type {
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { screeningTestIds, screeningTests } from './screening-value-sets';

/*
 * The record rules of the preventive outreach (preventive-outreach.ehr-events.ts), through the EHR
 * router that reads them from the module list: a screening test or an exclusion in the record
 * reaches the outreach of its own item only.
 */

const { loinc, snomed, cpt, cvx, icd10cm } = CODE_SYSTEMS;
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));
const subject = { reference: 'Patient/pat-1' };

const procedure = (system: string, code: string, extra: Partial<Procedure> = {}): Procedure => ({
  resourceType: 'Procedure',
  id: 'proc-1',
  status: 'completed',
  subject,
  code: { coding: [{ system, code }] },
  performedDateTime: '2026-11-20T10:00:00-06:00',
  ...extra,
});
const instanceOf = (item: string) => ({
  linkedTo: [],
  instances: [{ journey: 'preventive-outreach', params: { item } }],
});

describe('screening recorded in the EHR', () => {
  test('[HZ-60] a colonoscopy Procedure closes the colorectal outreach, with its date and code', () => {
    expect(route(procedure(cpt, '45378'))).toEqual({
      kind: 'event',
      rule: 'screening-recorded',
      patientId: 'pat-1',
      events: {
        'preventive-outreach': {
          type: 'screening-done',
          at: '2026-11-20',
          test: 'colonoscopy',
          code: `${cpt}|45378`,
        },
      },
      target: instanceOf('colorectal-screening'),
    });
  });

  test('[HZ-60] a flu Immunization, a Pap test Observation and a mammography DiagnosticReport close their own item', () => {
    const immunization: Immunization = {
      resourceType: 'Immunization',
      status: 'completed',
      patient: subject,
      vaccineCode: { coding: [{ system: cvx, code: '150' }] },
      occurrenceDateTime: '2026-10-02',
    };
    const pap: Observation = {
      resourceType: 'Observation',
      status: 'final',
      subject,
      code: { coding: [{ system: loinc, code: '10524-7' }] },
      effectiveDateTime: '2026-09-01',
    };
    const mammography: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      status: 'final',
      subject,
      code: { coding: [{ system: loinc, code: '24606-6' }] },
      effectiveDateTime: '2026-08-15',
    };
    expect(route(immunization)).toMatchObject({
      events: {
        'preventive-outreach': { type: 'screening-done', test: 'influenza-vaccine', at: '2026-10-02' },
      },
      target: instanceOf('flu-shot'),
    });
    expect(route(pap)).toMatchObject({
      events: { 'preventive-outreach': { test: 'cervical-cytology' } },
      target: instanceOf('cervical-screening'),
    });
    expect(route(mammography)).toMatchObject({
      events: { 'preventive-outreach': { test: 'mammography' } },
      target: instanceOf('mammogram'),
    });
  });

  test('[HZ-61] every code of every value set routes to its own item only', () => {
    for (const id of screeningTestIds) {
      const test = screeningTests[id];
      for (const match of test.codes) {
        const resource: Resource = test.recordedAs.includes('Procedure')
          ? procedure(match.system, match.codes[0]!)
          : {
              resourceType: 'Immunization',
              status: 'completed',
              patient: subject,
              vaccineCode: { coding: [{ system: match.system, code: match.codes[0]! }] },
              occurrenceDateTime: '2026-10-02',
            };
        const decision = route(resource);
        expect(decision).toMatchObject({ kind: 'event', target: instanceOf(test.item) });
      }
    }
  });

  test('[HZ-61] a procedure not done, or with no date, closes nothing; an unrelated code says which code it ignored', () => {
    expect(route(procedure(cpt, '45378', { status: 'not-done' }))).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/status not-done/),
    });
    const { performedDateTime: _undated, ...undated } = procedure(cpt, '45378');
    expect(route(undated)).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/no date/),
    });
    expect(route(procedure(cpt, '97110'))).toEqual({
      kind: 'ignore',
      reason: `no routing rule matches Procedure coded ${cpt}|97110`,
    });
  });
});

test('[HZ-60] a finished preventive visit Encounter closes the yearly check-up outreach; one still in progress does not', () => {
  const visit = (status: 'finished' | 'in-progress'): Encounter => ({
    resourceType: 'Encounter',
    status,
    class: { system: CODE_SYSTEMS.actCode, code: 'AMB' },
    subject,
    type: [{ coding: [{ system: cpt, code: '99396' }] }],
    period: { start: '2026-11-02T09:00:00-06:00' },
  });
  expect(route(visit('finished'))).toMatchObject({
    events: { 'preventive-outreach': { type: 'screening-done', test: 'preventive-visit', at: '2026-11-02' } },
    target: instanceOf('annual-visit'),
  });
  expect(route(visit('in-progress'))).toMatchObject({ kind: 'ignore' });
});

describe('exclusions recorded in the EHR', () => {
  test('[HZ-65] a bilateral mastectomy, a total colectomy and a total hysterectomy end the outreach of their own item', () => {
    expect(route(procedure(snomed, '27865001'))).toMatchObject({
      rule: 'screening-exclusion',
      events: { 'preventive-outreach': { type: 'screening-excluded', reason: 'bilateral-mastectomy' } },
      target: instanceOf('mammogram'),
    });
    expect(route(procedure(cpt, '44150'))).toMatchObject({
      events: { 'preventive-outreach': { reason: 'total-colectomy', code: `${cpt}|44150` } },
      target: instanceOf('colorectal-screening'),
    });
    expect(route(procedure(cpt, '58150'))).toMatchObject({
      events: { 'preventive-outreach': { reason: 'hysterectomy-no-cervix' } },
      target: instanceOf('cervical-screening'),
    });
  });

  test('[HZ-69] a supracervical hysterectomy leaves the cervix: no exclusion', () => {
    expect(route(procedure(cpt, '58180'))).toMatchObject({ kind: 'ignore' });
  });

  test('[HZ-68] a one-sided mastectomy is sent with its side, for the journey to add up; both sides at once exclude', () => {
    const right = procedure(cpt, '19303', { bodySite: [{ coding: [{ system: snomed, code: '24028007' }] }] });
    expect(route(right)).toMatchObject({
      events: {
        'preventive-outreach': { type: 'screening-excluded', reason: 'bilateral-mastectomy', side: 'right' },
      },
    });
    const both = procedure(cpt, '19303', { bodySite: [{ coding: [{ system: snomed, code: '51440002' }] }] });
    const decision = route(both);
    expect(decision).toMatchObject({ events: { 'preventive-outreach': { reason: 'bilateral-mastectomy' } } });
    expect(JSON.stringify(decision)).not.toContain('"side"');
  });

  test('[HZ-65] a Condition naming no cervix ends the cervical outreach; a refuted one does not', () => {
    const noCervix: Condition = {
      resourceType: 'Condition',
      subject,
      code: { coding: [{ system: icd10cm, code: 'Z90.710' }] },
    };
    expect(route(noCervix)).toMatchObject({
      events: { 'preventive-outreach': { type: 'screening-excluded', reason: 'hysterectomy-no-cervix' } },
      target: instanceOf('cervical-screening'),
    });
    const refuted: Condition = {
      ...noCervix,
      verificationStatus: { coding: [{ system: CODE_SYSTEMS.conditionVerification, code: 'refuted' }] },
    };
    expect(route(refuted)).toMatchObject({ kind: 'ignore' });
  });
});
