import type { Encounter, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from './code-systems';
import { requireValidFhirResource } from './fhir-validation';
import {
  appointment,
  channelConsent,
  condition,
  diloReferral,
  emergencyEncounter,
  pathologyReport,
} from './inbound.test-support';
import { routeResource, type RoutingContext } from './route-resource';

const { loinc, snomed, icd10cm, carepathOncology, contactPointSystem, participationMode } = CODE_SYSTEMS;

/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource, context?: RoutingContext) =>
  routeResource(requireValidFhirResource(resource), context);

const prediabetesInstance = { linkedTo: [], instances: [{ journey: 'prediabetes-care', params: {} }] };

// Observations: see routes/observation-route.test.ts.

describe('routeResource: conditions', () => {
  test.each([
    ['ICD-10-CM with the dot', { system: icd10cm, code: 'R73.03' }, 'R73.03'],
    ['ICD-10-CM without the dot', { system: icd10cm, code: 'R7303' }, 'R73.03'],
    ['SNOMED CT', { system: snomed, code: '714628002' }, '714628002'],
  ])('prediabetes (%s) enrols the patient in prediabetes care', (_name, code, entryCode) => {
    expect(route(condition('pat-2', code, { onset: '2025-05-20' }))).toEqual({
      kind: 'start',
      rule: 'prediabetes-diagnosis',
      patientId: 'pat-2',
      journey: 'prediabetes-care',
      params: { entry: { kind: 'condition', code: entryCode, at: '2025-05-20T00:00:00Z' } },
    });
  });

  test.each([
    ['resolved', { clinical: 'resolved' }, /clinical status is resolved, not active/],
    ['provisional', { verification: 'provisional' }, /is provisional, not confirmed/],
    ['entered in error', { verification: 'entered-in-error' }, /entered in error/],
    ['refuted', { verification: 'refuted' }, /prediabetes was refuted/],
  ])('a %s prediabetes condition enrols nobody', (_name, options, reason) => {
    expect(route(condition('pat-2', { system: icd10cm, code: 'R73.03' }, options))).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(reason),
    });
  });

  test('type 2 diabetes tells the prediabetes journey a clinician diagnosed it', () => {
    expect(route(condition('pat-2', { system: icd10cm, code: 'E11.9' }))).toEqual({
      kind: 'event',
      rule: 'diabetes-diagnosis',
      patientId: 'pat-2',
      events: { 'prediabetes-care': { type: 'diabetes-diagnosed' } },
      target: prediabetesInstance,
    });
  });

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
        running: { journeys: ['oncology-fast-track'], pick: 'one' },
      },
    });
    const refuted = route(
      condition('pat-3', { system: icd10cm, code: 'C50.911' }, { verification: 'refuted' }),
    );
    expect(refuted).toMatchObject({ events: { 'oncology-fast-track': { type: 'cancer-ruled-out' } } });
    expect(route(condition('pat-3', { system: icd10cm, code: 'D05.10' }))).toMatchObject({ kind: 'ignore' });
  });
});

describe('routeResource: encounters', () => {
  test('a finished emergency visit starts the follow-up for that encounter', () => {
    expect(route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z'))).toEqual({
      kind: 'start',
      rule: 'emergency-discharge',
      patientId: 'pat-4',
      journey: 'emergency-follow-up',
      params: { encounterId: 'enc-9', dischargedAt: '2025-05-30T06:00:00Z' },
    });
  });

  test('an emergency visit still in progress, or finished without its end time, starts nothing', () => {
    expect(route(emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z', 'in-progress'))).toEqual({
      kind: 'ignore',
      rule: 'emergency-discharge',
      reason: expect.stringMatching(/status in-progress changes nothing/),
    });
    const noEnd: Encounter = {
      ...emergencyEncounter('pat-4', 'enc-9', '2025-05-30T06:00:00Z'),
      period: { start: '2025-05-30T02:00:00Z' },
    };
    expect(route(noEnd)).toMatchObject({ kind: 'ignore', reason: expect.stringMatching(/no period.end/) });
  });

  test('an inpatient admission ends every running emergency follow-up of the patient', () => {
    const admission: Encounter = {
      ...emergencyEncounter('pat-4', 'enc-10', '2025-06-02T06:00:00Z', 'in-progress'),
      class: { system: CODE_SYSTEMS.actCode, code: 'IMP' },
      period: { start: '2025-06-02T01:00:00Z' },
    };
    expect(route(admission)).toEqual({
      kind: 'event',
      rule: 'hospital-admission',
      patientId: 'pat-4',
      events: { 'emergency-follow-up': { type: 'readmitted', at: '2025-06-02T01:00:00Z' } },
      target: { linkedTo: [], instances: [], running: { journeys: ['emergency-follow-up'], pick: 'all' } },
    });
  });

  test('an ambulatory encounter is not routed', () => {
    const visit: Encounter = {
      ...emergencyEncounter('pat-4', 'enc-11', '2025-06-02T06:00:00Z'),
      class: { system: CODE_SYSTEMS.actCode, code: 'AMB' },
    };
    expect(route(visit)).toEqual({
      kind: 'ignore',
      reason: 'no routing rule takes Encounter class http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB',
    });
  });
});

describe('routeResource: referrals start the oncology card', () => {
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

describe('routeResource: diagnostic reports advance the card', () => {
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
        running: { journeys: ['oncology-fast-track'], pick: 'one' },
      },
    });
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

describe('routeResource: appointments', () => {
  const mammography = { system: snomed, code: '71651007' };

  test("a booked mammography appointment is for the patient's mammogram outreach", () => {
    const booked = appointment('pat-6', 'booked', '2025-07-01T09:30:00-05:00', {
      id: 'appt-7',
      serviceType: mammography,
    });
    expect(route(booked)).toEqual({
      kind: 'event',
      rule: 'appointment-status',
      patientId: 'pat-6',
      events: {
        'preventive-outreach': {
          type: 'appointment-booked',
          appointmentAt: '2025-07-01T09:30:00-05:00',
          appointmentId: 'appt-7',
        },
        'emergency-follow-up': {
          type: 'appointment-booked',
          appointmentAt: '2025-07-01T09:30:00-05:00',
          appointmentId: 'appt-7',
        },
      },
      target: {
        linkedTo: ['Appointment/appt-7'],
        instances: [{ journey: 'preventive-outreach', params: { item: 'mammogram' } }],
        running: { journeys: ['preventive-outreach', 'emergency-follow-up'], pick: 'one' },
      },
    });
  });

  test('the same appointment booked again at another time is a reschedule; at the same time, no news', () => {
    const previous = { type: 'appointment-booked', appointmentAt: '2025-07-01T14:30:00Z' };
    const moved = route(appointment('pat-6', 'booked', '2025-07-03T10:00:00Z', { version: '2' }), {
      previous,
    });
    expect(moved).toMatchObject({
      events: {
        'preventive-outreach': { type: 'appointment-rescheduled', appointmentAt: '2025-07-03T10:00:00Z' },
      },
    });
    const same = route(appointment('pat-6', 'booked', '2025-07-01T09:30:00-05:00', { version: '2' }), {
      previous,
    });
    expect(same).toEqual({
      kind: 'ignore',
      rule: 'appointment-status',
      reason: expect.stringMatching(/same time: nothing changed/),
    });
  });

  test('no-show, cancellation and attendance map to their events; a visit based on a referral tells the card', () => {
    expect(route(appointment('pat-6', 'noshow', '2025-07-01T09:30:00Z'))).toMatchObject({
      events: { 'preventive-outreach': { type: 'appointment-no-show' } },
    });
    expect(route(appointment('pat-6', 'cancelled', '2025-07-01T09:30:00Z'))).toMatchObject({
      events: { 'appointment-reminder': { type: 'appointment-cancelled' } },
    });
    const visit = route(
      appointment('pat-6', 'fulfilled', '2025-07-01T09:30:00Z', { basedOn: 'ServiceRequest/sr-1' }),
    );
    expect(visit).toMatchObject({
      events: {
        'preventive-outreach': { type: 'appointment-attended' },
        'oncology-fast-track': { type: 'specialist-visit-done', at: '2025-07-01T10:00:00.000Z' },
      },
      target: { linkedTo: ['Appointment/appt-1', 'ServiceRequest/sr-1'], instances: [] },
    });
    expect(route(appointment('pat-6', 'proposed', '2025-07-01T09:30:00Z'))).toMatchObject({ kind: 'ignore' });
  });
});

describe('routeResource: consent', () => {
  test('a permit grants and a deny revokes the channel it names, as of its date', () => {
    expect(route(channelConsent('pat-7', { system: contactPointSystem, code: 'sms' }, 'permit'))).toEqual({
      kind: 'consent',
      rule: 'channel-consent',
      patientId: 'pat-7',
      decidedAt: '2025-06-01T09:00:00Z',
      changes: [{ channel: 'sms', status: 'granted' }],
    });
    expect(
      route(channelConsent('pat-7', { system: participationMode, code: 'EMAILWRIT' }, 'deny')),
    ).toMatchObject({
      changes: [{ channel: 'email', status: 'revoked' }],
    });
  });

  test('a permission no longer in force revokes; nested provisions speak per channel', () => {
    expect(
      route(
        channelConsent('pat-7', { system: contactPointSystem, code: 'email' }, 'permit', {
          status: 'inactive',
        }),
      ),
    ).toMatchObject({ changes: [{ channel: 'email', status: 'revoked' }] });
    const nested = channelConsent('pat-7', { system: contactPointSystem, code: 'email' }, 'permit');
    nested.provision!.provision = [
      { type: 'deny', code: [{ coding: [{ system: contactPointSystem, code: 'sms' }] }] },
    ];
    expect(route(nested)).toMatchObject({
      changes: [
        { channel: 'email', status: 'granted' },
        { channel: 'sms', status: 'revoked' },
      ],
    });
  });

  test('a consent that names no channel is ignored', () => {
    const research = channelConsent('pat-7', { system: snomed, code: '123456' }, 'permit');
    expect(route(research)).toEqual({
      kind: 'ignore',
      rule: 'channel-consent',
      reason: expect.stringMatching(/names no messaging channel/),
    });
  });
});

test('resource types without rules are ignored by name', () => {
  expect(route({ resourceType: 'Patient', id: 'pat-8' })).toEqual({
    kind: 'ignore',
    reason: 'no routing rule takes Patient resources',
  });
});
