import type { Communication, ServiceRequest } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../../../contracts/ehr/code-systems';
import { condition, diloReferral } from '../inbound.test-support';
import { routeResource } from '../route-resource';
import { CLOCK_START_EXTENSIONS } from '../../../../workflows/oncology-fast-track/oncology-fast-track.starts';

/*
 * What oncology EHR facts mean for the card's clocks: the clock starts where its source says,
 * the FDS stops when the patient is told, and a refuted diagnosis counts only for its own card.
 */
const { carepathOncology, icd10cm } = CODE_SYSTEMS;

function nhsReferral(extension?: { url: string; valueDateTime: string }): ServiceRequest {
  return {
    ...diloReferral('pat-7', 'x', '2026-03-02T09:00:00Z', 'active', null),
    identifier: undefined,
    requisition: { system: 'https://nhs.example/ubrn', value: 'UBRN-000222333' },
    code: { coding: [{ system: carepathOncology, code: 'urgent-suspected-cancer' }] },
    ...(extension ? { extension: [extension] } : {}),
  };
}

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
  it('[HZ-44] a DiLO card starts its clock at the waiting-list entry, never at the card issue', () => {
    const card = diloReferral('pat-7', 'DILO-1', '2026-03-02T09:00:00+01:00', 'active', '2026-03-09');
    expect(routeResource(card)).toMatchObject({
      kind: 'start',
      params: { cardId: 'DILO-1', profile: 'dilo', clockStartAt: '2026-03-09T00:00:00Z' },
    });
  });

  it('[HZ-45] an NHS card starts its clock at the receipt of the referral, not when it was written', () => {
    const received = { url: CLOCK_START_EXTENSIONS.referralReceived, valueDateTime: '2026-03-04T11:20:00Z' };
    expect(routeResource(nhsReferral(received))).toMatchObject({
      kind: 'start',
      params: { cardId: 'UBRN-000222333', profile: 'nhs-england', clockStartAt: '2026-03-04T11:20:00Z' },
    });
    // A DiLO waiting-list date on an NHS referral is not its clock start.
    const wrong = { url: CLOCK_START_EXTENSIONS.waitingListEntry, valueDateTime: '2026-03-04' };
    expect(routeResource(nhsReferral(wrong))).toMatchObject({
      kind: 'start',
      params: { profile: 'nhs-england' },
    });
    expect(routeResource(nhsReferral(wrong))).not.toHaveProperty('params.clockStartAt');
  });

  it('[HZ-45] a consultant upgrade starts the NHS clock at the upgrade, as an upgrade', () => {
    const upgrade: ServiceRequest = {
      ...nhsReferral({
        url: CLOCK_START_EXTENSIONS.consultantUpgrade,
        valueDateTime: '2026-03-06T15:00:00Z',
      }),
      code: { coding: [{ system: carepathOncology, code: 'consultant-upgrade' }] },
    };
    expect(routeResource(upgrade)).toMatchObject({
      kind: 'start',
      rule: 'consultant-upgrade',
      params: {
        profile: 'nhs-england',
        startedBy: 'consultant-upgrade',
        clockStartAt: '2026-03-06T15:00:00Z',
      },
    });
  });

  it('[HZ-46] a referral without its clock start starts the card without one, never at authoredOn', () => {
    const decision = routeResource(diloReferral('pat-7', 'DILO-2', '2026-03-02T09:00:00Z', 'active', null));
    expect(decision).toEqual({
      kind: 'start',
      rule: 'dilo-card',
      patientId: 'pat-7',
      journey: 'oncology-fast-track',
      params: { cardId: 'DILO-2', profile: 'dilo' },
    });
  });

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
