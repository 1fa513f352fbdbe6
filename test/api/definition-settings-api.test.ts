import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { publishDefinition } from '../helpers/publish-definition';
import { uniqueName } from '../helpers/test-stack';

/**
 * Program settings for a published journey definition (issue 22): the same `/api/programs/<id>/settings`
 * routes as a coded journey, with the schema the definition's latest version declares. A journey
 * enrolled after a publish runs on the published value (its booking wait is due when the
 * published duration says); a bad value is a 400 naming the field and stores nothing; settings
 * that a later definition version no longer declares are never pinned (HZ-72).
 */

type Json = Record<string, unknown>;
const DAY_MS = 24 * 60 * 60 * 1000;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('program settings of a journey definition (real API, worker, Temporal, PostgreSQL)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });

  const publish = (definition: Json, note: string) =>
    publishDefinition(stack.http, definition as Json & { id: string; title: string }, note);

  /** The example under a fresh id, so each test owns its settings history. */
  async function publishedExample(): Promise<string> {
    const id = uniqueName('settings');
    await publish({ ...clone(example), id }, 'First version');
    return id;
  }

  const settingsOf = (id: string) => `/api/programs/${id}/settings`;
  const versionsOf = async (id: string) =>
    (
      await api()
        .get(`${settingsOf(id)}/versions`)
        .set(as('designer'))
        .expect(200)
    ).body as Array<{
      version: number;
    }>;
  const enrol = (id: string, patientId: string) =>
    api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({ journey: id, patientId, params: { timeZone: 'Europe/Warsaw' } });
  /** The booking wait's due time, in days from the start, once the worker has run the first steps. */
  async function bookingWaitDays(journeyId: string): Promise<number> {
    const waiting = await eventually(
      () => api().get(`/api/journeys/${journeyId}`).set(as('operator')).expect(200),
      (response) => (response.body.upcoming as unknown[]).length > 0,
      30_000,
    );
    const timer = (waiting.body.upcoming as Array<{ id: string; dueAt: string }>).find(
      (upcoming) => upcoming.id === 'wait-booking:timeout',
    )!;
    return (Date.parse(timer.dueAt) - Date.parse(waiting.body.startedAt as string)) / DAY_MS;
  }

  test('the declared defaults, a published duration the next enrolment runs on, versions and audit', async () => {
    const id = await publishedExample();

    const defaults = await api().get(settingsOf(id)).set(as('operator')).expect(200);
    expect(defaults.body).toMatchObject({
      journeyType: id,
      version: 0,
      settings: {
        bookingWindow: { amount: 14, unit: 'days' },
        callDueWithin: { amount: 2, unit: 'days' },
      },
    });

    const draft = { bookingWindow: { amount: 3, unit: 'days' } };
    const checked = await api()
      .post(`${settingsOf(id)}/validate`)
      .set(as('designer'))
      .send({ settings: draft })
      .expect(200);
    expect(checked.body).toMatchObject({
      valid: true,
      settings: { ...draft, callDueWithin: { amount: 2, unit: 'days' } },
    });

    // Designers only write; an operator is refused and nothing is stored.
    await api()
      .post(settingsOf(id))
      .set(as('operator'))
      .send({ settings: draft, basedOnVersion: 0, note: 'Shorter wait' })
      .expect(403);

    const published = await api()
      .post(settingsOf(id))
      .set(as('designer'))
      .send({ settings: draft, basedOnVersion: 0, note: 'Shorter wait' })
      .expect(201);
    expect(published.body).toMatchObject({ version: 1, note: 'Shorter wait', publishedBy: 'designer' });
    expect((await versionsOf(id)).map((version) => version.version)).toEqual([1, 0]);
    const one = await api()
      .get(`${settingsOf(id)}/versions/1`)
      .set(as('auditor'))
      .expect(200);
    expect(one.body.settings).toMatchObject(draft);

    const audit = await api()
      .get('/api/audit-events')
      .query({ action: 'program-settings.publish' })
      .set(as('auditor'))
      .expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ definitionId: id, outcomeStatus: 201 }),
        expect.objectContaining({ definitionId: id, outcomeStatus: 403 }),
      ]),
    );

    // The catalogue and the journey both name the pinned version; the wait lasts the published 3 days.
    const type = (
      (await api().get('/api/journey-types').set(as('designer')).expect(200)).body as Json[]
    ).find((entry) => entry.id === id);
    expect(type).toMatchObject({ settingsVersion: 1 });
    const started = await enrol(id, uniqueName('pat')).expect(201);
    expect(started.body).toMatchObject({ settingsVersion: 1 });
    expect(await bookingWaitDays(started.body.id as string)).toBeCloseTo(3, 2);
  }, 120_000);

  test('a bad settings value is a 400 naming the field, and nothing is stored', async () => {
    const id = await publishedExample();
    const bad = {
      bookingWindow: { amount: -2, unit: 'days' },
      callDueWithin: { amount: 1, unit: 'fortnights' },
    };

    const checked = await api()
      .post(`${settingsOf(id)}/validate`)
      .set(as('designer'))
      .send({ settings: bad })
      .expect(200);
    expect(checked.body.valid).toBe(false);

    const refused = await api()
      .post(settingsOf(id))
      .set(as('designer'))
      .send({ settings: bad, basedOnVersion: 0, note: 'Typo' })
      .expect(400);
    const fields = (refused.body.errors as Array<{ field: string }>).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^settings\.bookingWindow/),
        expect.stringMatching(/^settings\.callDueWithin/),
      ]),
    );
    const undeclared = await api()
      .post(settingsOf(id))
      .set(as('designer'))
      .send({ settings: { reminderEvery: { amount: 1, unit: 'days' } }, basedOnVersion: 0, note: 'Typo' })
      .expect(400);
    expect(JSON.stringify(undeclared.body.errors)).toContain('reminderEvery');

    expect((await versionsOf(id)).map((version) => version.version)).toEqual([0]);
    // A definition never published has no settings to tune.
    await api()
      .get(settingsOf(uniqueName('never')))
      .set(as('designer'))
      .expect(404);
  }, 60_000);

  test('[HZ-72] settings a later definition version no longer declares are never pinned: 409 naming them, nobody enrolled, until settings that fit are published', async () => {
    const id = await publishedExample();
    await api()
      .post(settingsOf(id))
      .set(as('designer'))
      .send({
        settings: { bookingWindow: { amount: 3, unit: 'days' } },
        basedOnVersion: 0,
        note: 'Shorter wait',
      })
      .expect(201);

    // Version 2 renames the wait's setting: settings version 1 names one it no longer has.
    const renamed = clone(example) as Json & {
      settings: Record<string, Json>;
      nodes: Array<Json & { timeout?: { after: { setting: string } } }>;
    };
    renamed.id = id;
    renamed.settings = {
      timeToBook: renamed.settings.bookingWindow!,
      callDueWithin: renamed.settings.callDueWithin!,
    };
    renamed.nodes.find((node) => node.id === 'wait-booking')!.timeout!.after = { setting: 'timeToBook' };

    // Before publishing, the designer is told the current settings would no longer fit.
    const definitionUrl = `/api/journey-definitions/${id}`;
    const fitOfDraft = async () =>
      (await api().get(`${definitionUrl}/draft/settings-fit`).set(as('designer')).expect(200)).body as Json;
    const revision = async () =>
      (await api().get(definitionUrl).set(as('designer')).expect(200)).body.revision as number;
    await api()
      .put(`${definitionUrl}/draft`)
      .set(as('designer'))
      .send({ definition: { ...clone(example), id }, basedOnRevision: await revision() })
      .expect(200);
    expect(await fitOfDraft()).toMatchObject({ settingsVersion: 1, fits: true, problems: [] });
    await api()
      .put(`${definitionUrl}/draft`)
      .set(as('designer'))
      .send({ definition: renamed, basedOnRevision: await revision() })
      .expect(200);
    const unfit = await fitOfDraft();
    expect(unfit).toMatchObject({ definitionId: id, settingsVersion: 1, fits: false });
    expect(JSON.stringify(unfit.problems)).toContain('bookingWindow');
    await api().get(`${definitionUrl}/draft/settings-fit`).expect(401);

    await publish(renamed, 'Renamed the booking window');

    const patientId = uniqueName('pat');
    const refused = await enrol(id, patientId).expect(409);
    expect(refused.body.message).toContain('Nobody was enrolled');
    expect(JSON.stringify(refused.body.errors)).toContain('bookingWindow');
    const listed = await api().get('/api/journeys').query({ patientId }).set(as('operator')).expect(200);
    expect(listed.body.items).toEqual([]);

    // A draft is checked against version 2's declarations: the old name is refused, the new one taken.
    const stale = await api()
      .post(`${settingsOf(id)}/validate`)
      .set(as('designer'))
      .send({ settings: { bookingWindow: { amount: 3, unit: 'days' } } })
      .expect(200);
    expect(stale.body.valid).toBe(false);
    await api()
      .post(settingsOf(id))
      .set(as('designer'))
      .send({
        settings: { timeToBook: { amount: 5, unit: 'days' } },
        basedOnVersion: 1,
        note: 'For version 2',
      })
      .expect(201);

    const started = await enrol(id, patientId).expect(201);
    expect(started.body).toMatchObject({ settingsVersion: 2, definitionVersion: 2 });
    expect(await bookingWaitDays(started.body.id as string)).toBeCloseTo(5, 2);
  }, 120_000);
});
