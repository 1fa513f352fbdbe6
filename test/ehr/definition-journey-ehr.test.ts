import type { Patient } from '@medplum/fhirtypes';
import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import {
  EHR_BASE,
  appointment,
  notificationBundle,
  type NotificationEventSpec,
} from '../../shared/ehr-inbound/inbound.test-support';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { publishDefinition } from '../helpers/publish-definition';
import { screeningSendingFirst } from '../helpers/definition-examples';
import { uniqueName } from '../helpers/test-stack';

/*
 * EHR events for journeys designers defined (issue 22), over the real API, worker, Temporal,
 * PostgreSQL and FHIR sandbox: the example definition declares `appointment-booked` from an
 * Appointment `based-on-request`; a patient is enrolled twice, for two requests. An Appointment
 * based on one request books that journey only; one based on nothing the journeys track moves
 * neither and is recorded with the reason; a redelivery is applied once; a death recorded in the
 * EHR ends the journey still running.
 */

type Json = Record<string, unknown>;
interface EntryOutcome {
  outcome: string;
  reason?: string;
  rule?: string;
  journeys?: Array<{ id: string; journey: string; result: string; event?: string }>;
}

const ID = 'screening-booking';

describe('EHR events reach definition journeys by what the definition declares', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: {},
    });
    await publishExample();
  }, 120_000);
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
  const read = async (id: string) =>
    (await api().get(`/api/journeys/${id}`).set(as('operator')).expect(200)).body;

  const publishExample = () => publishDefinition(stack.http, example, 'First version');

  /** Enrols the patient in a published definition for one request; answers with the started journey. */
  async function enrol(journey: string, patientId: string, requestId: string) {
    const started = await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({
        journey,
        patientId,
        params: {
          timeZone: 'Europe/Warsaw',
          values: { schedulingUrl: 'https://book.example.org', requestId },
        },
      })
      .expect(201);
    return started.body as { id: string; definitionVersion: number };
  }

  /** Enrols the patient for one request and waits until the journey waits for the booking. */
  async function enrolFor(patientId: string, requestId: string): Promise<string> {
    const { id } = await enrol(ID, patientId, requestId);
    await eventually(
      () => read(id),
      (journey) => (journey.timeline as Array<{ kind: string }>).some((entry) => entry.kind === 'message'),
      30_000,
    );
    return id;
  }

  const post = (events: NotificationEventSpec[], subscription: string) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', ...as('integration') })
      .send(JSON.stringify(notificationBundle({ subscription, events })))
      .expect(200);

  test('[HZ-32] [HZ-33] only the journey of the request the Appointment is based on is booked; unlinked ones are recorded and move none; once; a death ends the rest', async () => {
    const patientId = uniqueName('pat');
    const mammogramRequest = `ServiceRequest/${uniqueName('sr')}`;
    const colonoscopyRequest = uniqueName('sr');
    const mammogram = await enrolFor(patientId, mammogramRequest);
    const colonoscopy = await enrolFor(patientId, colonoscopyRequest);
    // Two journeys of one definition for one patient: one per request, neither id names the patient.
    expect(mammogram).not.toBe(colonoscopy);
    expect(`${mammogram}${colonoscopy}`).not.toContain(patientId);
    const subscription = `${EHR_BASE}/Subscription/${uniqueName('sub')}`;

    // An Appointment of the same patient based on a request neither journey tracks: recorded, no journey moves.
    const unlinked = appointment(patientId, 'booked', '2027-01-04T09:00:00+01:00', {
      id: uniqueName('appt'),
      basedOn: `ServiceRequest/${uniqueName('sr-other')}`,
    });
    const held = await post([{ number: 1, focus: unlinked }], subscription);
    const heldOutcome = held.body.entries[0] as EntryOutcome;
    expect(heldOutcome.outcome).toBe('ignored');
    expect(heldOutcome.reason).toContain(
      'journey definitions: no running screening-booking (based-on-request) journey is linked to it',
    );
    for (const id of [mammogram, colonoscopy])
      expect(await read(id)).toMatchObject({ status: 'active', stage: 'invited' });

    // The Appointment based on the mammogram request: that journey is booked, the other is not.
    const linked = appointment(patientId, 'booked', '2027-01-05T10:30:00+01:00', {
      id: uniqueName('appt'),
      basedOn: `${EHR_BASE}/${mammogramRequest}`,
    });
    const bundle = [{ number: 2, focus: linked }];
    const applied = await post(bundle, subscription);
    expect(applied.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: mammogram, journey: ID, result: 'applied', event: 'appointment-booked' }],
    });
    // Closed, not only completed: the journey's last line (its unreachable-call task closed) is
    // written after its status changes, and the redelivery below must find the timeline final.
    const booked = await eventually(
      () => read(mammogram),
      (journey) => journey.closedAt !== undefined,
    );
    expect(booked).toMatchObject({ status: 'completed', stage: 'booked' });
    expect(booked.facts).toMatchObject({ appointmentAt: '2027-01-05T10:30:00+01:00' });
    expect(await read(colonoscopy)).toMatchObject({ status: 'active', stage: 'invited' });

    // The same notification again: a duplicate, applied once.
    const timeline = (booked.timeline as Json[]).length;
    const again = await post(bundle, subscription);
    expect(again.body.entries[0]).toMatchObject({ outcome: 'duplicate' });
    expect(((await read(mammogram)).timeline as Json[]).length).toBe(timeline);

    // The EHR records the patient's death: the journey still running ends, as coded ones do.
    const deceased: Patient = { resourceType: 'Patient', id: patientId, deceasedBoolean: true };
    const ended = await post([{ number: 3, focus: deceased }], subscription);
    expect(ended.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [
        expect.objectContaining({ id: colonoscopy, journey: ID, result: 'applied', event: 'cancel' }),
      ],
    });
    const cancelled = await eventually(
      () => read(colonoscopy),
      (journey) => journey.status !== 'active',
    );
    expect(cancelled.status).toBe('cancelled');
  }, 150_000);

  test("[HZ-34] a journey takes only what the version it runs declares: a later version's codes do not move it, its own still do", async () => {
    const { snomed } = CODE_SYSTEMS;
    const mammography = { system: snomed, code: '71651007' };
    const colonoscopy = { system: snomed, code: '73761001' };
    const id = uniqueName('versioned-screening');
    const declaring = (code: { system: string; code: string }) => {
      const [booked] = example.events;
      return {
        ...example,
        id,
        events: [{ ...booked!, source: { ...booked!.source, codes: [code] } }],
      };
    };
    await publishDefinition(stack.http, declaring(mammography), 'Mammograms');
    const patientId = uniqueName('pat');
    const requestId = `ServiceRequest/${uniqueName('sr')}`;
    const started = await enrol(id, patientId, requestId);
    const journeyId = started.id;
    expect(started.definitionVersion).toBe(1);
    await publishDefinition(stack.http, declaring(colonoscopy), 'Colonoscopies instead');
    const subscription = `${EHR_BASE}/Subscription/${uniqueName('sub')}`;
    const visit = (serviceType: { system: string; code: string }, start: string) =>
      appointment(patientId, 'booked', start, { id: uniqueName('appt'), basedOn: requestId, serviceType });

    // Version 2's code: the journey runs version 1, which does not take it.
    const later = await post(
      [{ number: 1, focus: visit(colonoscopy, '2027-01-04T09:00:00+01:00') }],
      subscription,
    );
    const laterOutcome = later.body.entries[0] as EntryOutcome;
    expect(laterOutcome.outcome).toBe('ignored');
    expect(laterOutcome.reason).toContain(
      `${id}: version 1, which it runs, does not take this Appointment (version 2 would)`,
    );
    expect(await read(journeyId)).toMatchObject({ status: 'active', stage: 'invited' });

    // Version 1's own code still books it, though version 2 no longer declares it.
    const own = await post(
      [{ number: 2, focus: visit(mammography, '2027-01-05T10:30:00+01:00') }],
      subscription,
    );
    expect(own.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: journeyId, journey: id, result: 'applied', event: 'appointment-booked' }],
    });
    expect(await read(journeyId)).toMatchObject({
      status: 'completed',
      stage: 'booked',
      facts: expect.objectContaining({ appointmentAt: '2027-01-05T10:30:00+01:00' }),
    });
  }, 150_000);

  /** An Appointment for the request, booked in the EHR and sent before anyone enrolled the patient. */
  async function bookedBeforeEnrolment(patientId: string, requestId: string, start: string) {
    const booking = await stack.fhirSandbox!.repo.createResource(
      appointment(patientId, 'booked', start, {
        id: uniqueName('appt'),
        basedOn: `${EHR_BASE}/${requestId}`,
      }),
    );
    const subscription = `${EHR_BASE}/Subscription/${uniqueName('sub')}`;
    const early = (await post([{ number: 1, focus: booking }], subscription)).body.entries[0] as EntryOutcome;
    // No journey is linked to it yet: it is kept for one to start.
    expect(early.outcome).toBe('ignored');
    expect(early.reason).toContain('no running screening-booking (based-on-request) journey is linked to it');
    expect(early.reason).toContain('kept, and applied if such a journey starts within 14 days');
    return booking;
  }

  const timelineOf = (journey: Json) =>
    journey.timeline as Array<{ kind: string; ref?: string; summary: string }>;

  test('[HZ-35] a patient who booked before the enrolment is not invited: the example checks for a booking before its first message', async () => {
    const patientId = uniqueName('pat');
    const requestId = `ServiceRequest/${uniqueName('sr')}`;
    const booking = await bookedBeforeEnrolment(patientId, requestId, '2027-01-06T08:15:00+01:00');

    // The operator enrols the patient for that request: the journey holds its first node until
    // the booking is applied, so "Booked already?" sees it.
    const started = await enrol(ID, patientId, requestId);
    const journey = await eventually(
      () => read(started.id),
      (current) => current.status !== 'active',
      30_000,
    );
    const timeline = timelineOf(journey);
    // Nothing was sent, planned or tried: no message line, no outbox row.
    expect(timeline.filter((entry) => entry.kind === 'message')).toEqual([]);
    const messages = await stack.database.dataSource.query(
      'SELECT count(*)::int AS sent FROM outreach_message WHERE journey_id = $1',
      [started.id],
    );
    expect(messages).toEqual([{ sent: 0 }]);
    expect(journey).toMatchObject({
      status: 'completed',
      stage: 'booked',
      facts: expect.objectContaining({ appointmentAt: '2027-01-06T08:15:00+01:00' }),
    });
    // The waiting path answered with the journey as it stood after the booking: ended, booked.
    expect(started).toMatchObject({ status: 'completed', stage: 'booked' });
    expect(timeline).toContainEqual(
      expect.objectContaining({ kind: 'event', ref: 'appointment-booked', by: 'EHR event (Appointment)' }),
    );
    expect(timeline).toContainEqual(
      expect.objectContaining({
        kind: 'control',
        summary: 'Held its first step for 1 EHR event that came before the enrolment: 1 applied first',
      }),
    );
    const [row] = await stack.database.dataSource.query(
      'SELECT status, journey_ids FROM ehr_event WHERE resource_id = $1',
      [booking.id],
    );
    expect(row).toEqual({ status: 'applied', journey_ids: [started.id] });
  }, 150_000);

  test('[HZ-35] a definition that invites first still takes the booking that came before the enrolment: its wait never waits', async () => {
    const id = uniqueName('invites-first');
    await publishDefinition(stack.http, screeningSendingFirst(id), 'Invites before anything else');
    const patientId = uniqueName('pat');
    const requestId = `ServiceRequest/${uniqueName('sr')}`;
    await bookedBeforeEnrolment(patientId, requestId, '2027-01-07T11:45:00+01:00');

    const started = await enrol(id, patientId, requestId);
    const journey = await eventually(
      () => read(started.id),
      (current) => current.status !== 'active',
      30_000,
    );
    expect(journey).toMatchObject({
      status: 'completed',
      stage: 'booked',
      facts: expect.objectContaining({ appointmentAt: '2027-01-07T11:45:00+01:00' }),
    });
    // Its first node is the invitation, as its designer drew it; the booking, applied before it
    // ran, is waiting at the wait that follows, rather than leaving the patient waiting 14 days.
    expect(timelineOf(journey)).toContainEqual(expect.objectContaining({ kind: 'message', ref: 'invite' }));
  }, 150_000);
});
