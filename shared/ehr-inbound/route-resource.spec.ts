import type { Encounter, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { requireValidFhirResource } from './fhir-validation';
import { appointment, channelConsent, emergencyEncounter, observation } from './inbound.test-support';
import { routeResource, type RoutingContext } from './route-resource';

const { snomed, contactPointSystem, participationMode } = CODE_SYSTEMS;

/** Every case routes a resource the FHIR validator accepts, as the webhook would. */
const route = (resource: Resource, context?: RoutingContext) =>
  routeResource(requireValidFhirResource(resource), context);

// Observations: see routes/observation-route.spec.ts. What starts a journey (a prediabetes
// diagnosis, an emergency discharge, a referral): each journey's <journey>.starts.spec.ts; what
// moves a running one: its <journey>.ehr-events.spec.ts.

describe('routeResource: encounters', () => {
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

describe('routeResource: appointments', () => {
  const mammography = { system: snomed, code: '71651007' };

  test("a booked mammography appointment is for the patient's mammogram outreach, and no other journey", () => {
    const booked = appointment('pat-6', 'booked', '2025-07-01T09:30:00-05:00', {
      id: 'appt-7',
      serviceType: mammography,
    });
    const event = {
      type: 'appointment-booked',
      appointmentAt: '2025-07-01T09:30:00-05:00',
      appointmentId: 'appt-7',
    };
    expect(route(booked)).toEqual({
      kind: 'event',
      rule: 'appointment-status',
      patientId: 'pat-6',
      events: { 'preventive-outreach': event, 'emergency-follow-up': event },
      target: {
        linkedTo: ['Appointment/appt-7'],
        instances: [{ journey: 'preventive-outreach', params: { item: 'mammogram' } }],
        // The emergency follow-up program may list its own follow-up visits: the dispatcher checks them.
        programValueSets: [
          {
            journey: 'emergency-follow-up',
            setting: 'followUpVisits',
            concepts: [{ coding: [mammography] }],
          },
        ],
      },
    });
  });

  test('[HZ-20] a screening mammogram never books the emergency follow-up; a follow-up visit does', () => {
    const mammogram = route(
      appointment('pat-6', 'booked', '2025-07-01T09:30:00Z', { serviceType: mammography }),
    );
    expect(mammogram).not.toHaveProperty('target.running');
    const followUp = route(
      appointment('pat-6', 'booked', '2025-07-01T09:30:00Z', {
        appointmentType: { system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP' },
      }),
    );
    expect(followUp).toMatchObject({
      target: { running: { journeys: ['emergency-follow-up'] }, instances: [] },
    });
  });

  test('[HZ-20] a physiotherapy visit with no link to a journey reaches none, with a reason naming its code', () => {
    const physiotherapy = { system: snomed, code: '91251008' };
    const visit = route(
      appointment('pat-6', 'fulfilled', '2025-07-01T09:30:00Z', { serviceType: physiotherapy }),
    );
    expect(visit).toMatchObject({
      kind: 'event',
      target: {
        linkedTo: ['Appointment/appt-1'],
        instances: [{ journey: 'appointment-reminder', params: { appointmentId: 'appt-1' }, exact: true }],
        ifNone: expect.stringMatching(
          /^Appointment coded http:\/\/snomed.info\/sct\|91251008 is linked to no journey/,
        ),
      },
    });
    expect(visit).not.toHaveProperty('target.running');
  });

  test('[HZ-30] a cancelled or attended appointment reaches the reminder started for it, by its id', () => {
    for (const status of ['cancelled', 'fulfilled'] as const) {
      expect(route(appointment('pat-6', status, '2025-07-01T09:30:00Z', { id: 'appt-42' }))).toMatchObject({
        kind: 'event',
        events: {
          'appointment-reminder': {
            type: status === 'cancelled' ? 'appointment-cancelled' : 'appointment-attended',
          },
        },
        target: {
          instances: [{ journey: 'appointment-reminder', params: { appointmentId: 'appt-42' }, exact: true }],
        },
      });
    }
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
      target: {
        linkedTo: ['Appointment/appt-1', 'ServiceRequest/sr-1'],
        instances: [{ journey: 'appointment-reminder', params: { appointmentId: 'appt-1' }, exact: true }],
      },
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

describe('routeResource: observations', () => {
  test('an observation no rule knows is ignored, naming its codes', () => {
    expect(route(observation('pat-1', '8867-4', 72, '/min', '2025-05-30'))).toEqual({
      kind: 'ignore',
      reason: `no routing rule matches Observation coded ${CODE_SYSTEMS.loinc}|8867-4`,
    });
  });
});

test('resource types without rules are ignored by name', () => {
  expect(route({ resourceType: 'Basic', id: 'basic-8', code: { text: 'a note' } })).toEqual({
    kind: 'ignore',
    reason: 'no routing rule takes Basic resources',
  });
});

describe('routeResource: patients', () => {
  test.each([
    ['deceasedBoolean true', { deceasedBoolean: true }],
    ['a deceasedDateTime', { deceasedDateTime: '2025-06-01T03:00:00Z' }],
  ])('[HZ-29] a Patient with %s ends every running journey of the patient', (_name, deceased) => {
    expect(route({ resourceType: 'Patient', id: 'pat-8', ...deceased })).toEqual({
      kind: 'cancel',
      rule: 'patient-deceased',
      patientId: 'pat-8',
      journeys: [
        'appointment-reminder',
        'oncology-fast-track',
        'prediabetes-care',
        'preventive-outreach',
        'emergency-follow-up',
      ],
      reason: 'The EHR records the patient as deceased',
      target: {
        linkedTo: [],
        instances: [],
        running: {
          journeys: [
            'appointment-reminder',
            'oncology-fast-track',
            'prediabetes-care',
            'preventive-outreach',
            'emergency-follow-up',
          ],
        },
        ifNone: 'the patient has no running journey to end',
      },
    });
  });

  test('a Patient alive (or not saying) changes no journey', () => {
    expect(route({ resourceType: 'Patient', id: 'pat-8', deceasedBoolean: false })).toMatchObject({
      kind: 'ignore',
    });
    expect(route({ resourceType: 'Patient', id: 'pat-8' })).toMatchObject({ kind: 'ignore' });
  });
});
