import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { TIME_ZONE_EXTENSION } from '../../shared/ehr/patient-context-mapping';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { publishDefinition } from '../helpers/publish-definition';
import { uniqueName } from '../helpers/test-stack';

/**
 * Published journey definitions in the one catalogue (issue 22): a designer publishes the example
 * over the API, it is listed beside the coded journeys, an operator enrols a patient, the
 * interpreter runs it on the worker, and it is listed, read, moved by an event and cancelled as a
 * coded journey is. Refusals (an unknown version, an undeclared event, a never-published
 * definition) change nothing; a later publish does not move a journey already enrolled.
 */

type Json = Record<string, unknown>;
interface TypeView extends Json {
  id: string;
  kind: string;
  blueprint: { start: string; nodes: Array<{ id: string; kind: string }> };
}

const ID = 'screening-booking';
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('journey definitions enrolled and run like coded journeys (real API, worker, Temporal, PostgreSQL)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    // An EHR for the API to read: who died (safety invariant 8) and whose zone it records.
    stack = await startApiStack({}, undefined, { fhirSandbox: {} });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });

  const publish = (definition: Json, note: string) =>
    publishDefinition(stack.http, definition as Json & { id: string; title: string }, note);

  const enrol = (body: Json) => api().post('/api/journeys').set(as('operator')).send(body);
  const read = (id: string) => api().get(`/api/journeys/${id}`).set(as('operator')).expect(200);
  const listFor = (patientId: string) =>
    api().get('/api/journeys').query({ patientId }).set(as('operator')).expect(200);
  const catalogue = async () =>
    (await api().get('/api/journey-types').set(as('designer')).expect(200)).body as TypeView[];

  /** Each test can run alone: the example is published once, by whichever needs it first. */
  async function examplePublished(): Promise<void> {
    if (!(await catalogue()).some((type) => type.id === ID)) await publish(clone(example), 'First version');
  }

  test('publish, see it in the catalogue, enrol, run on the worker, list, read, move by an event', async () => {
    const before = await catalogue();
    expect(before.some((type) => type.id === ID)).toBe(false);
    expect(before.every((type) => type.kind === 'coded')).toBe(true);

    await publish(clone(example), 'First version');

    const types = await catalogue();
    const entry = types.find((type) => type.id === ID)!;
    expect(entry).toMatchObject({
      kind: 'definition',
      definitionId: ID,
      definitionVersion: 1,
      title: 'Book a screening',
      settingsVersion: 0,
      blueprint: { start: 'invited' },
    });
    expect(entry.blueprint.nodes.map((node) => node.id)).toEqual(
      expect.arrayContaining(['invited', 'calling', 'invite', 'wait-booking', 'booked', 'cancelled']),
    );
    expect(JSON.stringify(entry.eventSchema)).toContain('appointment-booked');
    expect(entry.settingsSchema).toMatchObject({ properties: { bookingWindow: expect.any(Object) } });
    // The coded journeys are still there, first.
    expect(types.slice(0, before.length).map((type) => type.id)).toEqual(before.map((type) => type.id));

    const patientId = uniqueName('pat');
    const started = await enrol({
      journey: ID,
      patientId,
      params: { timeZone: 'Europe/Warsaw', values: { schedulingUrl: 'https://book.example.org' } },
    }).expect(201);
    expect(started.body).toMatchObject({
      created: true,
      journey: ID,
      status: 'active',
      stage: 'invited',
      definitionId: ID,
      definitionVersion: 1,
    });
    // No patient data in the id: the keyed hash coded journeys use.
    expect(started.body.id).toBe(`${ID}-${patientRefFor(patientId, stack.config.pseudonymKey)}`);
    expect(started.body.id).not.toContain(patientId);

    // The same patient again: the running journey, nothing new.
    const again = await enrol({ journey: ID, patientId, params: { timeZone: 'Europe/Warsaw' } }).expect(200);
    expect(again.body).toMatchObject({ created: false, id: started.body.id });

    // The interpreter ran the first step on the worker: the invitation went to the engagement layer.
    const invited = await eventually(
      () => read(started.body.id),
      (response) =>
        (response.body.timeline as Array<{ kind: string }>).some((entry) => entry.kind === 'message'),
      20_000,
    );
    expect(invited.body.timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'message' })]),
    );

    // Searchable as coded journeys are: by its type (the definition id), stage and patient.
    const listed = await eventually(
      () => api().get('/api/journeys').query({ journey: ID }).set(as('auditor')).expect(200),
      (response) => response.body.items.some((item: { id: string }) => item.id === started.body.id),
    );
    // Other test files run journeys of the example in the same Temporal namespace: all listed are of
    // its type, this one among them.
    expect(listed.body.items.every((item: { journey: string }) => item.journey === ID)).toBe(true);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: started.body.id, journey: ID, status: 'active', stage: 'invited' }),
      ]),
    );
    const ofPatient = await eventually(
      () => listFor(patientId),
      (response) => response.body.items.length > 0,
    );
    expect(ofPatient.body.items.map((item: { id: string }) => item.id)).toEqual([started.body.id]);

    // An undeclared event: 400, and the journey is as it was.
    const timelineBefore = (await read(started.body.id)).body.timeline.length;
    const undeclared = await api()
      .post(`/api/journeys/${started.body.id}/events`)
      .set(as('integration'))
      .send({ type: 'lab-result', value: 6.9 })
      .expect(400);
    expect(undeclared.body.message).toContain(`Invalid event for journey "${ID}"`);
    const malformed = await api()
      .post(`/api/journeys/${started.body.id}/events`)
      .set(as('integration'))
      .send({ type: 'appointment-booked', appointmentAt: 'someday' })
      .expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'appointmentAt' })]);
    const unchanged = await read(started.body.id);
    expect(unchanged.body).toMatchObject({ status: 'active', stage: 'invited' });
    expect(unchanged.body.timeline).toHaveLength(timelineBefore);

    // Other test files complete journeys of the example in the same namespace: its count is read
    // before this one ends, and must grow by at least this one.
    const completedBefore = (
      await api().get(`/api/journey-types/${ID}/stats`).set(as('designer')).expect(200)
    ).body.completed as number;

    // The declared event moves it: booked, the journey ends there.
    const booked = await api()
      .post(`/api/journeys/${started.body.id}/events`)
      .set(as('integration'))
      .send({ type: 'appointment-booked', appointmentAt: '2027-01-04T09:00:00+01:00' })
      .expect(200);
    expect(booked.body).toMatchObject({ status: 'completed', stage: 'booked' });
    expect(booked.body.facts).toMatchObject({ appointmentAt: '2027-01-04T09:00:00+01:00' });

    // Audited as coded starts are.
    const audit = await api()
      .get('/api/audit-events')
      .query({ journeyId: started.body.id })
      .set(as('auditor'))
      .expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'journey.start', outcomeStatus: 201 })]),
    );

    // Its stats count it at its end.
    const stats = await eventually(
      () => api().get(`/api/journey-types/${ID}/stats`).set(as('designer')).expect(200),
      (response) => response.body.completed >= completedBefore + 1,
    );
    expect(stats.body.journey).toBe(ID);
    expect(stats.body.completed).toBeGreaterThanOrEqual(completedBefore + 1);
    expect(stats.body.stages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stage: 'invited' }),
        expect.objectContaining({ stage: 'booked' }),
      ]),
    );
  }, 90_000);

  test('pinned: a second publish moves no enrolled journey; an older version can be chosen; pause, resume, cancel', async () => {
    await examplePublished();
    const versionBefore = (await catalogue()).find((type) => type.id === ID)!.definitionVersion as number;
    const pinnedPatient = uniqueName('pat');
    const { body: pinned } = await enrol({
      journey: ID,
      patientId: pinnedPatient,
      params: { timeZone: 'America/Chicago' },
    }).expect(201);
    expect(pinned.definitionVersion).toBe(versionBefore);

    const next = clone(example) as Json & { stages: Array<{ id: string; label: string }> };
    next.title = 'Book a screening (v2)';
    next.stages[0]!.label = 'Invited to book online';
    await publish(next, 'Clearer stage name');
    const latest = (await catalogue()).find((type) => type.id === ID)!;
    expect(latest).toMatchObject({ definitionVersion: versionBefore + 1, title: 'Book a screening (v2)' });

    // The enrolled journey keeps the version it started on.
    expect((await read(pinned.id)).body).toMatchObject({
      definitionVersion: versionBefore,
      status: 'active',
    });
    // A new one gets the latest, or the version asked for. Without a time zone, the patient's is
    // resolved as for coded journeys (the organisation's here: no EHR); bulk enrolment's fast path too.
    const accepted = await enrol({ journey: ID, patientId: uniqueName('pat') })
      .set('Prefer', 'respond-async')
      .expect(201);
    expect(accepted.body).toEqual({ id: expect.any(String), journey: ID, created: true });
    const onLatest = (
      await eventually(
        () => api().get(accepted.headers.location!).set(as('operator')),
        (response) => response.status === 200,
      )
    ).body;
    expect(onLatest.definitionVersion).toBe(versionBefore + 1);
    // The starter's memo holds both the pinned version and the note that the zone is the organisation's.
    expect(onLatest.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ summary: expect.stringMatching(/^Patient time zone unknown/) }),
      ]),
    );
    const { body: onOlder } = await enrol({
      journey: ID,
      patientId: uniqueName('pat'),
      definitionVersion: versionBefore,
      params: { timeZone: 'UTC' },
    }).expect(201);
    expect(onOlder.definitionVersion).toBe(versionBefore);

    // Pause, resume and cancel, as for coded journeys.
    const control = (action: string) =>
      api()
        .post(`/api/journeys/${pinned.id}/${action}`)
        .set(as('operator'))
        .send({ reason: `test ${action}` });
    expect((await control('pause').expect(200)).body).toMatchObject({ status: 'paused' });
    expect((await control('resume').expect(200)).body).toMatchObject({ status: 'active' });
    const cancelled = await control('cancel').expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    await control('cancel').expect(409);
  }, 90_000);

  test('refused with a 400 naming the field, and nothing enrolled: an unknown version, a draft-only definition', async () => {
    await examplePublished();
    const patientId = uniqueName('pat');

    const unknownVersion = await enrol({
      journey: ID,
      patientId,
      definitionVersion: 99,
      params: { timeZone: 'UTC' },
    }).expect(400);
    expect(unknownVersion.body.errors).toEqual([expect.objectContaining({ field: 'definitionVersion' })]);

    const notAVersion = await enrol({ journey: ID, patientId, definitionVersion: 0 }).expect(400);
    expect(notAVersion.body.errors).toEqual([expect.objectContaining({ field: 'definitionVersion' })]);

    const codedWithVersion = await enrol({
      journey: 'appointment-reminder',
      patientId,
      definitionVersion: 1,
      params: { appointmentAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    }).expect(400);
    expect(codedWithVersion.body.errors).toEqual([expect.objectContaining({ field: 'definitionVersion' })]);

    // A definition with a draft and no published version is not in the catalogue.
    const draftOnly = 'draft-only-screening';
    await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ id: draftOnly, title: 'Never published' })
      .expect(201);
    const unpublished = await enrol({ journey: draftOnly, patientId, params: { timeZone: 'UTC' } }).expect(
      400,
    );
    expect(unpublished.body.errors).toEqual([expect.objectContaining({ field: 'journey' })]);
    expect((await catalogue()).some((type) => type.id === draftOnly)).toBe(false);
    await api().get(`/api/journey-types/${draftOnly}/stats`).set(as('designer')).expect(404);

    // Bad parameters for a definition: a 400 on the field.
    const badZone = await enrol({ journey: ID, patientId, params: { timeZone: 'Mars/Olympus' } }).expect(400);
    expect(badZone.body.errors).toEqual([expect.objectContaining({ field: 'params.timeZone' })]);

    // None of them enrolled the patient.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await listFor(patientId)).body.items).toEqual([]);
  }, 60_000);

  test('[HZ-29] nobody the EHR records as deceased is enrolled in a definition, as for coded journeys', async () => {
    await examplePublished();
    const patientId = uniqueName('deceased');
    const recorded = await fetch(`${stack.fhirSandbox!.baseUrl}/Patient/${patientId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', id: patientId, deceasedBoolean: true }),
    });
    expect(recorded.status).toBeLessThan(300);

    const refused = await enrol({ journey: ID, patientId, params: { timeZone: 'UTC' } }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'patientId', message: 'the EHR records this patient as deceased' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await listFor(patientId)).body.items).toEqual([]);
  }, 60_000);

  test('[HZ-29] one read of the patient in the EHR serves the deceased check and the zone', async () => {
    await examplePublished();
    const patientId = uniqueName('chicago');
    const recorded = await fetch(`${stack.fhirSandbox!.baseUrl}/Patient/${patientId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Patient',
        id: patientId,
        extension: [{ url: TIME_ZONE_EXTENSION, valueCode: 'America/Chicago' }],
      }),
    });
    expect(recorded.status).toBeLessThan(300);
    const reads = jest.spyOn(stack.fhirSandbox!.repo, 'readResource');
    try {
      // No zone given: the EHR's is the one the journey runs in, and the patient is alive.
      const { body } = await enrol({ journey: ID, patientId }).expect(201);
      const readsOfPatient = reads.mock.calls.filter(
        ([resourceType, id]) => resourceType === 'Patient' && id === patientId,
      );
      expect(readsOfPatient).toHaveLength(1);
      expect(body.timeline).not.toEqual(
        expect.arrayContaining([
          expect.objectContaining({ summary: expect.stringMatching(/^Patient time zone unknown/) }),
        ]),
      );
    } finally {
      reads.mockRestore();
    }
  }, 60_000);
});
