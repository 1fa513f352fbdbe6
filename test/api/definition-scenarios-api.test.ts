import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';

/**
 * Saved scenarios over HTTP (issue 22, point 4): saved with the draft (and so with the version it
 * becomes), run again on every change, and a draft whose scenarios change outcome shows the
 * difference before publishing. Real PostgreSQL behind the real API.
 */

type Json = Record<string, unknown>;
type Node = Json & { id: string; kind: string };

const ID = 'scenario-screening';
const url = `/api/journey-definitions/${ID}`;
const screening = (): Json & { nodes: Node[]; settings: Json } => ({
  ...(JSON.parse(JSON.stringify(example)) as Json & { nodes: Node[]; settings: Json }),
  id: ID,
});
const values = { schedulingUrl: 'https://book.example.org' };
const englishSms = {
  name: 'English SMS, books on day 5',
  patient: {
    language: 'en',
    readingLevel: 'plain',
    timeZone: 'Europe/Warsaw',
    channels: [{ channel: 'sms', consent: true }],
    enrolledAt: '2026-03-06T10:00',
  },
  script: [{ day: 5, event: { type: 'appointment-booked', appointmentAt: '2026-03-20T09:00:00Z' } }],
  values,
};
const spanishEmail = {
  name: 'Spanish email, never books',
  patient: {
    language: 'es',
    readingLevel: 'plain',
    timeZone: 'America/Mexico_City',
    channels: [{ channel: 'email', consent: true }],
    enrolledAt: '2026-03-06T10:00',
  },
  script: [],
  values,
};

describe('saved scenarios over HTTP: kept with the draft, run again before publishing', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  }, 120_000);
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
  const revisionOf = async () =>
    (await api().get(url).set(as('designer')).expect(200)).body.revision as number;
  const saveScenario = (
    scenario: unknown,
    basedOnRevision: number,
    role: keyof typeof DEMO_KEYS = 'designer',
  ) => api().post(`${url}/draft/scenarios`).set(as(role)).send({ scenario, basedOnRevision });
  const changes = (role: keyof typeof DEMO_KEYS = 'designer') =>
    api().get(`${url}/draft/scenario-changes`).set(as(role));

  test('save scenarios, publish them with the version, change the draft, see whose outcome changes', async () => {
    await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ id: ID, title: 'Screening' })
      .expect(201);
    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition: screening(), basedOnRevision: 1 })
      .expect(200);

    // Saved one by one with the draft; nothing published yet, so each is new.
    await saveScenario(englishSms, 2).expect(200);
    const saved = await saveScenario(spanishEmail, 3).expect(200);
    expect(saved.body.definition.scenarios.map((scenario: Json) => scenario.name)).toEqual([
      englishSms.name,
      spanishEmail.name,
    ]);
    const before = await changes().expect(200);
    expect(before.body).toMatchObject({
      definitionId: ID,
      revision: 4,
      publishedVersion: null,
      changedCount: 0,
    });
    expect(before.body.scenarios.map((outcome: Json) => outcome.verdict)).toEqual(['new', 'new']);

    // Published: version 1 carries the scenarios; the next draft runs them against it.
    const v1 = await api()
      .post(`${url}/publish`)
      .set(as('designer'))
      .send({ note: 'First version with scenarios', basedOnRevision: 4 })
      .expect(201);
    expect(v1.body.definition.scenarios).toHaveLength(2);

    // The draft waits only 7 days before the staff call, and rewords the English SMS.
    const draft = { ...screening(), scenarios: v1.body.definition.scenarios };
    (draft.settings.bookingWindow as Json).default = { amount: 7, unit: 'days' };
    const invite = draft.nodes.find((node) => node.id === 'invite') as unknown as {
      message: { wording: { en: { plain: { sms: string } } } };
    };
    invite.message.wording.en.plain.sms = 'Time to book: {{schedulingUrl}}';
    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition: draft, basedOnRevision: 5 })
      .expect(200);

    const after = await changes('auditor').expect(200);
    expect(after.body).toMatchObject({ revision: 6, publishedVersion: 1, changedCount: 2 });
    const [english, spanish] = after.body.scenarios as Json[];
    expect(english).toMatchObject({
      name: englishSms.name,
      verdict: 'changed',
      messages: {
        changed: [
          {
            id: 'invite',
            changes: [
              {
                field: 'text',
                before: 'Your screening is due. Book: https://book.example.org',
                after: 'Time to book: https://book.example.org',
              },
            ],
          },
        ],
      },
    });
    expect(spanish).toMatchObject({
      verdict: 'changed',
      tasks: {
        changed: [
          { id: 'call-patient', changes: expect.arrayContaining([expect.objectContaining({ field: 'at' })]) },
        ],
      },
    });

    // The diff shows the scenarios apart: a scenario alone is not a behaviour change.
    const renamed = { ...englishSms, months: 12 };
    await saveScenario(renamed, 6).expect(200);
    const diff = await api()
      .get(`${url}/diff`)
      .query({ from: '1', to: 'draft' })
      .set(as('designer'))
      .expect(200);
    expect(diff.body).toMatchObject({ behaviourChanged: true, identical: false });
    expect(diff.body.scenarios.changed).toEqual([
      { id: englishSms.name, changes: [{ path: 'months', after: 12 }] },
    ]);
  });

  test('refusals: a malformed scenario is a 400 naming the field, a stale revision a 409, another role a 403; nothing saved', async () => {
    const revision = await revisionOf();
    const bad = await saveScenario(
      { ...spanishEmail, patient: { ...spanishEmail.patient, timeZone: 'Mars/Olympus_Mons' } },
      revision,
    ).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'scenario.patient.timeZone', message: 'must be an IANA time zone such as Europe/Warsaw' },
    ]);
    const stale = await saveScenario(spanishEmail, revision - 1).expect(409);
    expect(stale.body.errors).toEqual([{ field: 'basedOnRevision', message: `must be ${revision}` }]);
    await saveScenario(spanishEmail, revision, 'operator').expect(403);
    await api()
      .post(`${url}/draft/scenarios`)
      .set(as('designer'))
      .send({ scenario: 'x', basedOnRevision: revision })
      .expect(400);
    await api()
      .get('/api/journey-definitions/no-such-one/draft/scenario-changes')
      .set(as('designer'))
      .expect(404);
    await api().get(`${url}/draft/scenario-changes`).expect(401);
    expect(await revisionOf()).toBe(revision);

    const audited = await eventually(
      async () =>
        (await stack.database.dataSource.query(
          `SELECT action, outcome_status FROM audit_event WHERE definition_id = $1 AND action = $2 ORDER BY id`,
          [ID, 'journey-definition.scenario.save'],
        )) as Array<{ action: string; outcome_status: number }>,
      (rows) => rows.some((row) => row.outcome_status === 403),
    );
    expect(audited.map((row) => row.outcome_status)).toEqual([200, 200, 200, 400, 409, 403, 400]);
  });

  test('a saved scenario is removed by name, audited; an unknown name is a 404, a stale revision a 409, another role a 403', async () => {
    const revision = await revisionOf();
    const names = async () =>
      (
        (await api().get(`${url}/draft`).set(as('designer')).expect(200)).body.definition.scenarios as Json[]
      ).map((scenario) => scenario.name);
    expect(await names()).toEqual([englishSms.name, spanishEmail.name]);
    const remove = (name: string, basedOnRevision: number, role: keyof typeof DEMO_KEYS = 'designer') =>
      api()
        .delete(`${url}/draft/scenarios/${encodeURIComponent(name)}`)
        .query({ basedOnRevision })
        .set(as(role));

    await remove(spanishEmail.name, revision, 'operator').expect(403);
    await remove(spanishEmail.name, revision - 1).expect(409);
    await remove('No such scenario', revision).expect(404);
    expect(await revisionOf()).toBe(revision);

    const removed = await remove(spanishEmail.name, revision).expect(200);
    expect(removed.body.revision).toBe(revision + 1);
    expect(await names()).toEqual([englishSms.name]);
    const after = await changes().expect(200);
    expect(after.body.scenarios.map((outcome: Json) => outcome.name)).toEqual([englishSms.name]);

    const audited = await eventually(
      async () =>
        (await stack.database.dataSource.query(
          `SELECT outcome_status FROM audit_event WHERE definition_id = $1 AND action = $2 ORDER BY id`,
          [ID, 'journey-definition.scenario.remove'],
        )) as Array<{ outcome_status: number }>,
      (rows) => rows.length === 4,
    );
    expect(audited.map((row) => row.outcome_status)).toEqual([403, 409, 404, 200]);
  });
});
