import type { Communication } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../../../contracts/ehr/code-systems';
import { condition } from '../inbound.test-support';
import { routeResource } from '../route-resource';

/*
 * What oncology EHR facts mean for the card after its referral started it (clock starts:
 * oncology-fast-track.starts.spec.ts): the FDS stops when the patient is told, and a refuted
 * diagnosis counts only for its own card.
 */
const { carepathOncology, icd10cm } = CODE_SYSTEMS;

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
