import request from 'supertest';
import type { App } from 'supertest/types';
import { DEMO_KEYS } from './api-stack';

const designer = { Authorization: DEMO_KEYS.designer };

/**
 * Publishes `definition` as a designer would over the API: creates the definition when it is new,
 * saves it as the draft and publishes the draft with the note, each step with the revision the
 * last one left (the API refuses a stale `basedOnRevision`).
 */
export async function publishDefinition(
  http: App,
  definition: { id: string; title: string } & Record<string, unknown>,
  note: string,
): Promise<void> {
  const url = `/api/journey-definitions/${definition.id}`;
  const revision = async () =>
    (await request(http).get(url).set(designer).expect(200)).body.revision as number;
  const exists = await request(http).get(url).set(designer);
  if (exists.status === 404) {
    await request(http)
      .post('/api/journey-definitions')
      .set(designer)
      .send({ id: definition.id, title: definition.title })
      .expect(201);
  }
  await request(http)
    .put(`${url}/draft`)
    .set(designer)
    .send({ definition, basedOnRevision: await revision() })
    .expect(200);
  await request(http)
    .post(`${url}/publish`)
    .set(designer)
    .send({ note, basedOnRevision: await revision() })
    .expect(201);
}
