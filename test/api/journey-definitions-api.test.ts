import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';

/**
 * Authoring journey definitions over HTTP (issue 22): create, save a draft with its problems
 * shown, fix it, publish with a note, a second draft, the difference between versions, a copy;
 * refusals (bad bodies, other roles, stale saves) and the audit trail of every write.
 */

type Json = Record<string, unknown>;
type Node = Json & { id: string; kind: string };

const ID = 'book-a-screening';
const url = `/api/journey-definitions/${ID}`;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** The example as this definition's content. */
const screening = (): Json & { nodes: Node[]; settings: Json; stages: Json[] } => ({
  ...clone(example),
  id: ID,
});

describe('journey definitions over HTTP: drafts, publishing, versions and their differences', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
  const revisionOf = async () =>
    (await api().get(url).set(as('designer')).expect(200)).body.revision as number;
  const saveDraft = (definition: unknown, basedOnRevision: number) =>
    api().put(`${url}/draft`).set(as('designer')).send({ definition, basedOnRevision });
  const publish = (note: string, basedOnRevision: number) =>
    api().post(`${url}/publish`).set(as('designer')).send({ note, basedOnRevision });
  const fieldsOf = (response: { body: { errors: Array<{ field: string }> } }) => [
    ...new Set(response.body.errors.map((error) => error.field)),
  ];

  test('create, draft with problems, fix, publish, second draft, diff, copy', async () => {
    // Created from scratch: a well-formed start (a stage and an end) to build on.
    const created = await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ title: 'Book a screening' })
      .expect(201);
    expect(created.body).toMatchObject({
      id: ID,
      title: 'Book a screening',
      createdBy: 'dev-designer',
      copiedFrom: null,
      revision: 1,
      latestVersion: null,
      draft: { basedOnVersion: 0, savedBy: 'dev-designer' },
    });
    const started = await api().get(`${url}/draft`).set(as('designer')).expect(200);
    expect(started.body).toMatchObject({ revision: 1, problems: [], definition: { id: ID, version: 1 } });

    // A draft may be unfinished: it is saved, and the answer lists what is missing.
    const unfinished = screening();
    const wait = unfinished.nodes.find((node) => node.kind === 'wait')!;
    delete wait.timeout;
    const saved = await saveDraft(unfinished, 1).expect(200);
    expect(saved.body.revision).toBe(2);
    expect(saved.body.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'wait-without-timeout', node: wait.id })]),
    );
    // Validating as one types stores nothing.
    const checked = await api()
      .post(`${url}/draft/validate`)
      .set(as('designer'))
      .send({ definition: unfinished })
      .expect(200);
    expect(checked.body).toEqual({ valid: false, problems: saved.body.problems });
    expect(await revisionOf()).toBe(2);

    // Not published with problems: each is listed, and the draft stays as it was.
    const refused = await publish('First version', 2).expect(400);
    expect(fieldsOf(refused)).toContain(`draft.nodes.${wait.id}`);
    expect(refused.body.errors[0].message).toMatch(/wait-without-timeout/);
    expect((await api().get(url).set(as('designer')).expect(200)).body).toMatchObject({
      revision: 2,
      latestVersion: null,
      draft: { basedOnVersion: 0 },
    });

    // Fixed, then a stale save (someone editing revision 2) is refused and says so.
    const fixed = await saveDraft(screening(), 2).expect(200);
    expect(fixed.body).toMatchObject({ revision: 3, problems: [] });
    const stale = await saveDraft(unfinished, 2).expect(409);
    expect(stale.body.message).toMatch(/changed since you read it: revision 3.*dev-designer/);
    expect(stale.body.errors).toEqual([{ field: 'basedOnRevision', message: 'must be 3' }]);
    expect((await api().get(`${url}/draft`).set(as('designer')).expect(200)).body.problems).toEqual([]);

    // Published with a note, by a designer only.
    expect(fieldsOf(await publish('  ', 3).expect(400))).toEqual(['note']);
    await api()
      .post(`${url}/publish`)
      .set(as('operator'))
      .send({ note: 'v1', basedOnRevision: 3 })
      .expect(403);
    await publish('First version', 2).expect(409);
    const v1 = await publish('First version', 3).expect(201);
    expect(v1.body).toMatchObject({
      definitionId: ID,
      version: 1,
      title: 'Book a screening',
      note: 'First version',
      publishedBy: 'dev-designer',
      validation: { valid: true, problems: [] },
      definition: { ...screening(), version: 1 },
    });
    const afterPublish = (await api().get(url).set(as('operator')).expect(200)).body;
    expect(afterPublish).toMatchObject({ revision: 4, draft: null, latestVersion: { version: 1 } });
    await api().get(`${url}/draft`).set(as('designer')).expect(404);
    await publish('Again', 4).expect(409);

    // A second draft: publishing it unchanged is refused; changed, it becomes version 2.
    expect((await saveDraft(screening(), 4).expect(200)).body).toMatchObject({
      revision: 5,
      basedOnVersion: 1,
      definition: { version: 2 },
    });
    expect((await publish('Nothing new', 5).expect(400)).body.errors).toEqual([
      { field: 'draft', message: 'is the same as version 1' },
    ]);
    const second = screening();
    second.title = 'Book your screening';
    second.stages.push({ id: 'booked-stage', label: 'Booked' });
    (second.settings.bookingWindow as Json).default = { amount: 21, unit: 'days' };
    const invite = second.nodes.find((node) => node.id === 'invite')!;
    invite.label = 'Invitation';
    await saveDraft(second, 5).expect(200);
    const list = (await api().get('/api/journey-definitions').set(as('auditor')).expect(200)).body;
    expect(list).toEqual([
      expect.objectContaining({
        id: ID,
        title: 'Book your screening',
        latestVersion: expect.objectContaining({ version: 1, note: 'First version' }),
        draft: expect.objectContaining({ basedOnVersion: 1 }),
      }),
    ]);
    const draftDiff = await api()
      .get(`${url}/diff`)
      .query({ from: 1, to: 'draft' })
      .set(as('designer'))
      .expect(200);
    expect(draftDiff.body.identical).toBe(false);
    await publish('Three weeks to book; a booked stage', 6).expect(201);

    const versions = await api().get(`${url}/versions`).set(as('operator')).expect(200);
    expect(versions.body.map((v: Json) => [v.version, v.title, v.note])).toEqual([
      [2, 'Book your screening', 'Three weeks to book; a booked stage'],
      [1, 'Book a screening', 'First version'],
    ]);
    const one = await api().get(`${url}/versions/1`).set(as('auditor')).expect(200);
    expect(one.body.definition).toEqual({ ...screening(), version: 1 });
    await api().get(`${url}/versions/3`).set(as('designer')).expect(404);

    const diff = await api().get(`${url}/diff`).query({ from: 1, to: 2 }).set(as('operator')).expect(200);
    expect(diff.body).toMatchObject({
      definitionId: ID,
      from: '1',
      to: '2',
      identical: false,
      fields: [{ path: 'title', before: 'Book a screening', after: 'Book your screening' }],
      nodes: {
        added: [],
        removed: [],
        changed: [
          {
            id: 'invite',
            kind: 'message',
            changes: [{ path: 'label', before: 'Invitation to book', after: 'Invitation' }],
          },
        ],
      },
      stages: { added: [{ id: 'booked-stage', label: 'Booked' }], removed: [], changed: [] },
      settings: {
        changed: [
          {
            id: 'bookingWindow',
            changes: [{ path: 'default.amount', before: 14, after: 21 }],
          },
        ],
      },
    });
    await api().get(`${url}/diff`).query({ from: 2, to: 'draft' }).set(as('designer')).expect(404);

    // A copy of version 1 starts as its own definition, with a draft of that content.
    const copy = await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ copyOf: { id: ID, version: 1 } })
      .expect(201);
    expect(copy.body).toMatchObject({
      id: `${ID}-copy`,
      title: 'Book a screening (copy)',
      copiedFrom: { id: ID, version: 1 },
      latestVersion: null,
      draft: { basedOnVersion: 0 },
    });
    const copied = await api()
      .get(`/api/journey-definitions/${ID}-copy/draft`)
      .set(as('designer'))
      .expect(200);
    expect(copied.body).toMatchObject({
      definition: { ...screening(), id: `${ID}-copy`, title: 'Book a screening (copy)', version: 1 },
      problems: [],
    });
    const again = await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ copyOf: { id: ID, version: 2 }, title: 'Screening, Spanish first' })
      .expect(201);
    expect(again.body).toMatchObject({ id: `${ID}-copy-2`, title: 'Screening, Spanish first' });

    // What a starter of interpreted journeys reads: the version as published, or nothing.
    const store = new JourneyDefinitionStore(stack.database.dataSource);
    expect(await store.publishedVersion(ID, 2)).toEqual({ ...second, version: 2 });
    expect(await store.publishedVersion(ID, 3)).toBeUndefined();
    expect(await store.publishedVersion('no-such-journey', 1)).toBeUndefined();
    // A published version never changes, even by hand.
    await expect(
      stack.database.dataSource.query(
        "UPDATE journey_definition_version SET note = 'rewritten' WHERE definition_id = $1",
        [ID],
      ),
    ).rejects.toThrow(/never changed/);
  });

  test('malformed bodies are refused with each field named, and change nothing', async () => {
    const create = (body: object) => api().post('/api/journey-definitions').set(as('designer')).send(body);
    expect(fieldsOf(await create({}).expect(400))).toEqual(['title']);
    expect(fieldsOf(await create({ id: 'Not An Id', title: 'x' }).expect(400))).toEqual(['id']);
    expect(fieldsOf(await create({ id: 'schema', title: 'x' }).expect(400))).toEqual(['id']);
    expect(fieldsOf(await create({ title: 'x', copyOf: { id: ID } }).expect(400))).toContain(
      'copyOf.version',
    );
    expect(fieldsOf(await create({ copyOf: { id: ID, version: 99 } }).expect(400))).toEqual(['copyOf']);
    expect(fieldsOf(await create({ title: 'x', colour: 'red' }).expect(400))).toEqual(['colour']);
    await create({ id: 'malformed-bodies', title: 'Malformed bodies' }).expect(201);
    expect(fieldsOf(await create({ id: 'malformed-bodies', title: 'Again' }).expect(409))).toEqual(['id']);

    const draftUrl = '/api/journey-definitions/malformed-bodies/draft';
    const put = (body: object) => api().put(draftUrl).set(as('designer')).send(body);
    expect(fieldsOf(await put({ basedOnRevision: 1 }).expect(400))).toEqual(['definition']);
    expect(fieldsOf(await put({ definition: {} }).expect(400))).toEqual(['basedOnRevision']);
    const malformed = { ...screening(), id: 'malformed-bodies', languages: 'en' } as Json & { nodes: Node[] };
    malformed.nodes[0] = { ...malformed.nodes[0]!, kind: 'teleport' };
    const refused = await put({ definition: malformed, basedOnRevision: 1 }).expect(400);
    expect(fieldsOf(refused)).toEqual(
      expect.arrayContaining(['definition.languages', 'definition.nodes.0.kind']),
    );
    expect(fieldsOf(await put({ definition: screening(), basedOnRevision: 1 }).expect(400))).toEqual([
      'definition.id',
    ]);
    const hidden = { ...screening(), id: 'malformed-bodies', title: 'Book\u0000 now\u202e' };
    expect(fieldsOf(await put({ definition: hidden, basedOnRevision: 1 }).expect(400))).toEqual([
      'definition.title',
    ]);
    const checked = await api()
      .post(`${draftUrl}/validate`)
      .set(as('designer'))
      .send({ definition: hidden })
      .expect(200);
    expect(checked.body.problems[0]).toMatchObject({
      code: 'shape',
      message: expect.stringMatching(/^At title: /),
    });
    expect(
      fieldsOf(
        await api()
          .get('/api/journey-definitions/malformed-bodies/versions/0')
          .set(as('designer'))
          .expect(400),
      ),
    ).toEqual(['version']);
    expect(
      fieldsOf(
        await api()
          .get('/api/journey-definitions/malformed-bodies/diff')
          .query({ from: 'latest', to: 1 })
          .set(as('designer'))
          .expect(400),
      ),
    ).toEqual(['from']);
    await api().get('/api/journey-definitions/Not_An_Id').set(as('designer')).expect(400);
    await api().get('/api/journey-definitions/no-such-journey').set(as('designer')).expect(404);
    await api()
      .put('/api/journey-definitions/no-such-journey/draft')
      .set(as('designer'))
      .send({ definition: { ...screening(), id: 'no-such-journey' }, basedOnRevision: 1 })
      .expect(404);

    // Nothing changed: the draft is still the one created.
    const definition = (
      await api().get('/api/journey-definitions/malformed-bodies').set(as('designer')).expect(200)
    ).body;
    expect(definition).toMatchObject({ revision: 1, latestVersion: null });
  });

  test('two designers saving the same revision at once: one is saved, the other told', async () => {
    const id = 'concurrent-saves';
    await api().post('/api/journey-definitions').set(as('designer')).send({ id, title: 'Twice' }).expect(201);
    const content = (title: string) => ({ ...screening(), id, title });
    const saves = await Promise.all(
      ['First', 'Second'].map((title) =>
        api()
          .put(`/api/journey-definitions/${id}/draft`)
          .set(as('designer'))
          .send({ definition: content(title), basedOnRevision: 1 }),
      ),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409]);
    const winner = saves.find((save) => save.status === 200)!.body as { definition: { title: string } };
    const draft = await api().get(`/api/journey-definitions/${id}/draft`).set(as('designer')).expect(200);
    expect(draft.body).toMatchObject({ revision: 2, definition: { title: winner.definition.title } });
  });

  test('operators and auditors read; only designers write', async () => {
    for (const role of ['operator', 'auditor', 'integration'] as const) {
      await api().post('/api/journey-definitions').set(as(role)).send({ title: 'Not mine' }).expect(403);
      await api()
        .put(`${url}/draft`)
        .set(as(role))
        .send({ definition: screening(), basedOnRevision: 1 })
        .expect(403);
    }
    await api().get('/api/journey-definitions').set(as('integration')).expect(403);
    await api().get(`${url}/versions`).set(as('auditor')).expect(200);
  });

  test('every write is audited with the definition id, refusals included; reads and checks are not', async () => {
    const rows = async () =>
      (await stack.database.dataSource.query(
        `SELECT action, actor_role, outcome_status, patient_id, journey_id
           FROM audit_event WHERE definition_id = $1 ORDER BY id`,
        [ID],
      )) as Array<{
        action: string;
        actor_role: string;
        outcome_status: number;
        patient_id: string | null;
        journey_id: string | null;
      }>;
    // The operator's refused draft save is recorded once its answer is sent.
    const audited = await eventually(rows, (found) =>
      found.some((row) => row.actor_role === 'operator' && row.outcome_status === 403),
    );
    const designers = audited
      .filter((row) => row.actor_role === 'designer')
      .map((row) => `${row.action} ${row.outcome_status}`);
    expect(designers).toEqual([
      'journey-definition.create 201',
      'journey-definition.draft.save 200',
      'journey-definition.publish 400',
      'journey-definition.draft.save 200',
      'journey-definition.draft.save 409',
      'journey-definition.publish 400',
      'journey-definition.publish 409',
      'journey-definition.publish 201',
      'journey-definition.publish 409',
      'journey-definition.draft.save 200',
      'journey-definition.publish 400',
      'journey-definition.draft.save 200',
      'journey-definition.publish 201',
    ]);
    expect(audited.filter((row) => row.actor_role === 'operator').map((row) => row.action)).toEqual(
      expect.arrayContaining(['journey-definition.publish', 'journey-definition.draft.save']),
    );
    // Definitions are not patient data: no row names a patient or a journey.
    expect(audited.filter((row) => row.patient_id !== null || row.journey_id !== null)).toEqual([]);
    const copies = (await stack.database.dataSource.query(
      'SELECT action, outcome_status FROM audit_event WHERE definition_id LIKE $1 ORDER BY id',
      [`${ID}-copy%`],
    )) as Json[];
    expect(copies).toEqual([
      { action: 'journey-definition.create', outcome_status: 201 },
      { action: 'journey-definition.create', outcome_status: 201 },
    ]);
    const [notAudited] = (await stack.database.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event
        WHERE route LIKE '/api/journey-definitions%' AND (method = 'GET' OR route LIKE '%/draft/validate')`,
    )) as Array<{ count: number }>;
    expect(notAudited!.count).toBe(0);

    // The auditor finds them by definition.
    const page = await api()
      .get('/api/audit-events')
      .query({ definitionId: ID, action: 'journey-definition.publish' })
      .set(as('auditor'))
      .expect(200);
    expect(page.body.items.length).toBeGreaterThanOrEqual(6);
    expect(page.body.items[0]).toMatchObject({
      definitionId: ID,
      route: '/api/journey-definitions/:id/publish',
    });
  });
});
