import { WithStartWorkflowOperation } from '@temporalio/client';
import request from 'supertest';
import { journeyWorkflowId } from '../../shared/journeys/patient-ref';
import { journeyEventUpdate, type JourneyInput } from '../../contracts/journey-contract';
import { findJourneyType } from '../../workflows/journey-types';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('journeys over HTTP (real API, worker, Temporal dev server, PostgreSQL)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const startReminder = (patientId: string, appointmentAt = inDays(3)) =>
    api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'appointment-reminder',
        patientId,
        params: { appointmentAt, timeZone: 'Europe/Warsaw' },
      });

  test('enrols a patient, and a second enrolment returns the running journey instead of a new one', async () => {
    const patientId = uniqueName('pat');

    const first = await startReminder(patientId).expect(201);
    const second = await startReminder(patientId).expect(200);

    expect(first.body).toMatchObject({
      created: true,
      journey: 'appointment-reminder',
      status: 'active',
      stage: 'scheduled',
    });
    expect(second.body).toMatchObject({ created: false, id: first.body.id });
    expect(first.body.id).not.toContain(patientId);
    expect(first.body.upcoming.map((timer: { id: string }) => timer.id)).toEqual(['reminder', 'appointment']);
    expect(first.body.temporalUiUrl).toContain(`/workflows/${first.body.id}`);
  });

  test('with Prefer: respond-async the start answers as soon as it is accepted, with the id and its Location', async () => {
    const patientId = uniqueName('pat');
    const accepted = await startReminder(patientId).set('Prefer', 'respond-async').expect(201);

    expect(accepted.headers['preference-applied']).toBe('respond-async');
    expect(accepted.body).toEqual({ id: expect.any(String), journey: 'appointment-reminder', created: true });
    expect(accepted.headers.location).toBe(`/api/journeys/${accepted.body.id}`);
    // No state in the answer: the journey is read at its address once its first task has run.
    expect(accepted.body).not.toHaveProperty('stage');
    const read = await eventually(
      () => api().get(accepted.headers.location!).set('Authorization', DEMO_KEYS.operator),
      (response) => response.status === 200,
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: accepted.body.id, stage: 'scheduled' });

    // Asked again, the running journey is named and nothing new starts; without the preference,
    // the answer carries the first state as before, and its address too.
    const again = await startReminder(patientId).set('Prefer', 'respond-async').expect(200);
    expect(again.body).toEqual({ id: accepted.body.id, journey: 'appointment-reminder', created: false });
    const waited = await startReminder(uniqueName('pat')).expect(201);
    expect(waited.headers['preference-applied']).toBeUndefined();
    expect(waited.headers.location).toBe(`/api/journeys/${waited.body.id}`);
    expect(waited.body).toMatchObject({ created: true, stage: 'scheduled' });
  });

  test('a journey is findable by its search attributes, as in `temporal workflow list --query`', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startReminder(patientId).expect(201);
    const patientRef = patientRefFor(patientId, stack.config.pseudonymKey);

    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const workflow of stack.temporal.workflow.list({
          query: `CarepathPatientRef = '${patientRef}' AND CarepathJourney = 'appointment-reminder' AND CarepathStage = 'scheduled'`,
        })) {
          ids.push(workflow.workflowId);
        }
        return ids;
      },
      (ids) => ids.length > 0,
    );
    expect(found).toEqual([started.id]);

    const listed = await eventually(
      () =>
        api().get('/api/journeys').query({ patientId }).set('Authorization', DEMO_KEYS.auditor).expect(200),
      (response) => response.body.items.length > 0,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: started.id, status: 'active', stage: 'scheduled' }),
    ]);
  });

  test('events move the journey, invalid events are refused with 400 and change nothing', async () => {
    const { body: started } = await startReminder(uniqueName('pat')).expect(201);
    const eventsUrl = `/api/journeys/${started.id}/events`;

    const unknown = await api()
      .post(eventsUrl)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ type: 'appointment-exploded' })
      .expect(400);
    expect(unknown.body.message).toContain('Invalid event');
    await api()
      .post(eventsUrl)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ type: 'appointment-rescheduled', appointmentAt: 'tomorrow' })
      .expect(400);
    const unchanged = await api()
      .get(`/api/journeys/${started.id}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(unchanged.body.timeline).toEqual(started.timeline);

    const movedTo = inDays(5);
    const moved = await api()
      .post(eventsUrl)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ type: 'appointment-rescheduled', appointmentAt: movedTo })
      .expect(200);
    expect(moved.body.upcoming.find((timer: { id: string }) => timer.id === 'appointment').dueAt).toBe(
      movedTo,
    );

    const cancelled = await api()
      .post(eventsUrl)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ type: 'appointment-cancelled' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'completed', stage: 'appointment-cancelled' });
  });

  test('an operator cancels with a reason; the ended journey then refuses changes with 409', async () => {
    const { body: started } = await startReminder(uniqueName('pat')).expect(201);

    const noReason = await api()
      .post(`/api/journeys/${started.id}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({})
      .expect(400);
    expect(noReason.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    const cancelled = await api()
      .post(`/api/journeys/${started.id}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'Patient asked to stop' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', stage: 'cancelled' });

    const ended = await eventually(
      () => api().get(`/api/journeys/${started.id}`).set('Authorization', DEMO_KEYS.operator),
      (response) => response.body.closedAt !== undefined,
    );
    expect(ended.body).toMatchObject({ status: 'cancelled' });
    expect(ended.body.timeline.at(-1).summary).toContain('Patient asked to stop');
    await api()
      .post(`/api/journeys/${started.id}/events`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ type: 'appointment-attended' })
      .expect(409);
  });

  test('an operator pauses and resumes with a reason; each answers with the new state and the list filters on it', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startReminder(patientId).expect(201);
    const control = (action: string, body: object) =>
      api().post(`/api/journeys/${started.id}/${action}`).set('Authorization', DEMO_KEYS.operator).send(body);

    await control('pause', {}).expect(400);
    await control('resume', { reason: 'not paused yet' }).expect(400);
    const paused = await control('pause', { reason: 'Patient in hospital' }).expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', stage: 'scheduled' });
    expect(paused.body.timeline.at(-1)).toMatchObject({
      kind: 'control',
      summary: expect.stringContaining('Patient in hospital'),
    });
    const again = await control('pause', { reason: 'twice' }).expect(400);
    expect(again.body.message).toContain('Only an active journey can be paused');
    await api()
      .post(`/api/journeys/${started.id}/pause`)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ reason: 'x' })
      .expect(403);

    const listedPaused = await eventually(
      () =>
        api()
          .get('/api/journeys')
          .query({ patientId, status: 'paused' })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200),
      (response) => response.body.items.length > 0,
    );
    expect(listedPaused.body.items).toEqual([expect.objectContaining({ id: started.id, status: 'paused' })]);

    const resumed = await control('resume', { reason: 'Discharged home' }).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active' });
    const listedActive = await eventually(
      () =>
        api()
          .get('/api/journeys')
          .query({ patientId, status: 'active' })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200),
      (response) => response.body.items.length > 0,
    );
    expect(listedActive.body.items[0]).toMatchObject({ id: started.id, status: 'active' });
  });

  test('bad start requests get a 400 that says what is wrong, and start nothing', async () => {
    const patientId = uniqueName('pat');
    const post = (body: object) =>
      api().post('/api/journeys').set('Authorization', DEMO_KEYS.operator).send(body);

    const unknownType = await post({ journey: 'moon-landing', patientId }).expect(400);
    expect(unknownType.body.errors[0]).toMatchObject({ field: 'journey' });
    const pastAppointment = await post({
      journey: 'appointment-reminder',
      patientId,
      params: { appointmentAt: '2020-01-01T10:00:00Z' },
    }).expect(400);
    expect(pastAppointment.body.errors).toEqual([
      { field: 'params.appointmentAt', message: 'must be in the future' },
    ]);
    const badTimeZone = await post({
      journey: 'appointment-reminder',
      patientId,
      params: { appointmentAt: inDays(2), timeZone: 'Mars/Olympus' },
    }).expect(400);
    expect(badTimeZone.body.errors[0].field).toBe('params.timeZone');
    const extraField = await post({
      journey: 'appointment-reminder',
      patientId,
      params: { appointmentAt: inDays(2) },
      admin: true,
    }).expect(400);
    expect(extraField.body.errors[0]).toMatchObject({ field: 'admin' });
    const badPatient = await post({
      journey: 'appointment-reminder',
      patientId: 'Jane Doe, 1970-01-01',
    }).expect(400);
    expect(badPatient.body.errors[0].field).toBe('patientId');

    const listed = await api()
      .get('/api/journeys')
      .query({ patientId })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(listed.body.items).toEqual([]);
  });

  test('unknown journeys are 404 and malformed JSON is a 400, both in the common error shape', async () => {
    const missing = await api()
      .get(`/api/journeys/appointment-reminder-${'0'.repeat(32)}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(404);
    expect(missing.body).toEqual({ message: expect.stringContaining('No journey'), errors: [] });
    await api().get('/api/journeys/not-a-journey-id').set('Authorization', DEMO_KEYS.operator).expect(404);

    const malformed = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .set('Content-Type', 'application/json')
      .send('{"journey": ')
      .expect(400);
    expect(malformed.body).toEqual({ message: 'The request body is not valid JSON.', errors: [] });

    const unknownRoute = await api().get('/api/nowhere').set('Authorization', DEMO_KEYS.operator).expect(404);
    expect(unknownRoute.body).toEqual({ message: expect.any(String), errors: [] });
  });

  test('an event that arrives with the journey start (in its first workflow task) is applied, not a crash', async () => {
    const patientId = uniqueName('pat');
    const appointmentAt = inDays(3);
    const movedTo = inDays(5);
    const type = findJourneyType('appointment-reminder')!;
    const workflowId = journeyWorkflowId(type.id, patientId, undefined, stack.config.pseudonymKey);
    const input: JourneyInput<unknown> = {
      patientRef: patientRefFor(patientId, stack.config.pseudonymKey),
      patientId,
      params: { appointmentAt, timeZone: 'Europe/Warsaw' },
      program: { version: 0, settings: {} },
    };
    // Update-with-start puts the event into the very first task, before the journey has built itself.
    const progress = await stack.temporal.workflow.executeUpdateWithStart(journeyEventUpdate, {
      args: [{ type: 'appointment-rescheduled', appointmentAt: movedTo }],
      startWorkflowOperation: new WithStartWorkflowOperation(type.workflowType, {
        workflowId,
        taskQueue: stack.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });

    expect(progress.timeline.map((entry) => entry.kind)).toContain('event');
    const { body } = await api()
      .get(`/api/journeys/${workflowId}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(body.upcoming.find((timer: { id: string }) => timer.id === 'appointment')?.dueAt).toBe(movedTo);
    await api()
      .post(`/api/journeys/${workflowId}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'End of scenario' })
      .expect(200);
  });
});
