import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';

/**
 * A designer throws a draft away (`DELETE /api/journey-definitions/:id/draft`): the definition is
 * its latest version again. Refused for a definition never published, for a stale revision and
 * for other roles; every attempt is audited. And a draft whose nodes were only moved on the map
 * is the same journey: there is nothing to publish.
 */

const ID = 'discard-a-draft';
const url = `/api/journey-definitions/${ID}`;

describe('journey definition drafts over HTTP: discarding one, and one whose nodes only moved', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
  const revisionOf = async () =>
    (await api().get(url).set(as('designer')).expect(200)).body.revision as number;
  const discard = (basedOnRevision: unknown, role: keyof typeof DEMO_KEYS = 'designer') =>
    api().delete(`${url}/draft`).query({ basedOnRevision }).set(as(role));

  test('a published definition loses its draft; refusals change nothing and every attempt is audited', async () => {
    await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ id: ID, title: 'Discard' })
      .expect(201);
    const definition = { ...JSON.parse(JSON.stringify(example)), id: ID } as Record<string, unknown>;
    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition, basedOnRevision: await revisionOf() })
      .expect(200);

    // Never published: the draft is all there is.
    const neverPublished = await discard(await revisionOf()).expect(409);
    expect(neverPublished.body.message).toMatch(/never been published/);

    await api()
      .post(`${url}/publish`)
      .set(as('designer'))
      .send({ note: 'First version', basedOnRevision: await revisionOf() })
      .expect(201);
    await discard(await revisionOf()).expect(409); // no draft after a publish

    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition: { ...definition, title: 'Discard, changed' }, basedOnRevision: await revisionOf() })
      .expect(200);
    const revision = await revisionOf();

    await discard('two').expect(400);
    await discard(revision - 1).expect(409);
    await discard(revision, 'operator').expect(403);
    await discard(revision, 'auditor').expect(403);
    expect((await api().get(`${url}/draft`).set(as('designer')).expect(200)).body.definition).toMatchObject({
      title: 'Discard, changed',
    });

    const discarded = await discard(revision).expect(200);
    expect(discarded.body).toMatchObject({
      id: ID,
      title: example.title,
      revision: revision + 1,
      draft: null,
      latestVersion: { version: 1 },
    });
    await api().get(`${url}/draft`).set(as('designer')).expect(404);
    await api()
      .delete('/api/journey-definitions/no-such-definition/draft')
      .query({ basedOnRevision: 1 })
      .set(as('designer'))
      .expect(404);

    const audited = await eventually(
      async () =>
        (await stack.database.dataSource.query(
          `SELECT actor_role, outcome_status FROM audit_event
            WHERE definition_id = $1 AND action = 'journey-definition.draft.discard' ORDER BY id`,
          [ID],
        )) as Array<{ actor_role: string; outcome_status: number }>,
      (rows) => rows.length >= 7,
    );
    // A role refusal is recorded as its answer finishes (api/audit/early-refusals.ts), so the rows
    // need not be in the order of the requests: every attempt is there, with its outcome.
    expect(audited.map((row) => `${row.actor_role} ${row.outcome_status}`).sort()).toEqual([
      'auditor 403',
      'designer 200',
      'designer 400',
      'designer 409',
      'designer 409',
      'designer 409',
      'operator 403',
    ]);
  });

  test('a draft whose nodes only moved is the same as the latest version; its positions are kept in the draft', async () => {
    const version = (await api().get(`${url}/versions/1`).set(as('designer')).expect(200)).body as {
      definition: { nodes: Array<Record<string, unknown>> };
    };
    const moved = {
      ...version.definition,
      nodes: version.definition.nodes.map((node, index) => ({
        ...node,
        position: { x: index * 240, y: 40 },
      })),
    };
    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition: moved, basedOnRevision: await revisionOf() })
      .expect(200);
    const refused = await api()
      .post(`${url}/publish`)
      .set(as('designer'))
      .send({ note: 'Tidied the map', basedOnRevision: await revisionOf() })
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'draft', message: 'is the same as version 1' }]);
    const draft = await api().get(`${url}/draft`).set(as('designer')).expect(200);
    expect(draft.body.definition.nodes[1].position).toEqual({ x: 240, y: 40 });
    const diff = await api()
      .get(`${url}/diff`)
      .query({ from: 1, to: 'draft' })
      .set(as('designer'))
      .expect(200);
    expect(diff.body.identical).toBe(true);
  });
});
