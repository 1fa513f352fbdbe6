import type { Resource, ServiceRequest } from '@medplum/fhirtypes';
import { requireValidFhirResource } from '../../shared/ehr-inbound/fhir-validation';
import { diloReferral } from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { CLOCK_START_EXTENSIONS } from './oncology-fast-track.starts';

/*
 * The start rules of the oncology card (oncology-fast-track.starts.ts), through the EHR router
 * that reads them from the module list: the clock starts where its source says, never at
 * authoredOn; a withdrawn referral ends the card it started.
 */
const { carepathOncology } = CODE_SYSTEMS;

/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource) => routeResource(requireValidFhirResource(resource));

function nhsReferral(extension?: { url: string; valueDateTime: string }): ServiceRequest {
  return {
    ...diloReferral('pat-7', 'x', '2026-03-02T09:00:00Z', 'active', null),
    identifier: undefined,
    requisition: { system: 'https://nhs.example/ubrn', value: 'UBRN-000222333' },
    code: { coding: [{ system: carepathOncology, code: 'urgent-suspected-cancer' }] },
    ...(extension ? { extension: [extension] } : {}),
  };
}

describe('oncology fast track: a referral starts the card', () => {
  test('an active DiLO card starts the track under its card number, clock at waiting-list entry', () => {
    expect(route(diloReferral('pat-5', 'DILO-2025-000123', '2025-05-28T09:00:00+02:00'))).toEqual({
      kind: 'start',
      rule: 'dilo-card',
      patientId: 'pat-5',
      journey: 'oncology-fast-track',
      params: { cardId: 'DILO-2025-000123', clockStartAt: '2025-05-28T09:00:00+02:00', profile: 'dilo' },
    });
  });

  test('an NHS urgent suspected cancer referral uses the NHS profile and the requisition as the card', () => {
    const referral: ServiceRequest = {
      ...diloReferral('pat-5', 'x', '2025-05-27'),
      extension: [
        {
          url: 'https://carepath.dev/fhir/StructureDefinition/referral-received',
          valueDateTime: '2025-05-28',
        },
      ],
      identifier: undefined,
      requisition: { system: 'https://nhs.example/ubrn', value: 'UBRN-000111222' },
      code: { coding: [{ system: carepathOncology, code: 'urgent-suspected-cancer' }] },
    };
    expect(route(referral)).toMatchObject({
      kind: 'start',
      params: { cardId: 'UBRN-000111222', profile: 'nhs-england', clockStartAt: '2025-05-28T00:00:00Z' },
    });
  });

  test('a revoked referral cancels the card it started; a completed one changes nothing', () => {
    expect(route(diloReferral('pat-5', 'DILO-2025-000123', '2025-05-28', 'revoked'))).toEqual({
      kind: 'cancel',
      rule: 'dilo-card',
      patientId: 'pat-5',
      journeys: ['oncology-fast-track'],
      reason: 'The referral was withdrawn in the EHR',
      target: { linkedTo: ['ServiceRequest/sr-DILO-2025-000123'], instances: [] },
    });
    expect(route(diloReferral('pat-5', 'DILO-2025-000123', '2025-05-28', 'completed'))).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/referral status completed/),
    });
  });
});

describe('oncology fast track: the clock start of a referral', () => {
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
});
