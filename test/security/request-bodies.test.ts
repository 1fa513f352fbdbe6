import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * Security regressions (issue "Secure by default"), over HTTP against the real API: bodies that
 * used to erase a patient's contact details or answer 500 are now a 400 that names the field, and
 * change nothing.
 */
describe('security: request bodies are refused by shape and change nothing', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const contactOf = (patientId: string) =>
    api().get(`/api/patients/${patientId}/contact`).set('Authorization', DEMO_KEYS.operator).expect(200);
  const putContact = (patientId: string, body: string) =>
    api()
      .put(`/api/patients/${patientId}/contact`)
      .set('Authorization', DEMO_KEYS.operator)
      .set('Content-Type', 'application/json')
      .send(body);

  const maria = { givenName: 'Maria', email: 'maria@example.org', phone: '+48601234567', language: 'es' };

  test.each([
    ['an empty object', '{}', 'names no contact field'],
    ['a constructor key', '{"constructor":1}', '"constructor" is a reserved name'],
    ['a __proto__ key', '{"__proto__":{"email":null}}', '"__proto__" is a reserved name'],
    ['a nested __proto__ key', '{"quietHours":{"__proto__":{"sms":null}}}', 'quietHours.__proto__'],
  ])("%s is a 400 and leaves the patient's contact details as they were", async (_, body, message) => {
    const patientId = `pat-sec-${Math.random().toString(36).slice(2, 8)}`;
    await putContact(patientId, JSON.stringify(maria)).expect(200);
    const response = await putContact(patientId, body).expect(400);
    expect(response.body.message).toContain(message);
    expect((await contactOf(patientId)).body.contact).toMatchObject(maria);
  });

  test('PUT merges: fields left out keep their value, a field sent as null is cleared', async () => {
    const patientId = 'pat-sec-merge';
    await putContact(patientId, JSON.stringify(maria)).expect(200);
    await putContact(patientId, JSON.stringify({ phone: '+48601000000' })).expect(200);
    expect((await contactOf(patientId)).body.contact).toMatchObject({ ...maria, phone: '+48601000000' });
    await putContact(patientId, JSON.stringify({ email: null, language: null })).expect(200);
    const cleared = (await contactOf(patientId)).body.contact;
    expect(cleared.email).toBeUndefined();
    expect(cleared).toMatchObject({ givenName: 'Maria', phone: '+48601000000', language: 'en' });
  });

  test('a NUL, a text-direction override or a line break in a name is a 400 naming the field', async () => {
    for (const givenName of ['Ann\u0000a', 'Ann\u202Ea', 'Ann\r\nBcc: x', '\u200b\u200b']) {
      const response = await putContact('pat-sec-text', JSON.stringify({ givenName })).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'givenName' })]);
    }
  });

  test('a reason with control or invisible-only text is refused before it reaches a timeline', async () => {
    for (const reason of ['on hold\u0000', '\u2066hidden\u2069', '\u200d']) {
      const response = await api()
        .post(`/api/journeys/appointment-reminder-${'a'.repeat(32)}/pause`)
        .set('Authorization', DEMO_KEYS.operator)
        .send({ reason })
        .expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
  });

  test('params nested 3,000 deep are a 400 naming where, not a 500', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const response = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .set('Content-Type', 'application/json')
      .send(`{"journey":"appointment-reminder","patientId":"pat-deep","params":${deep}}`)
      .expect(400);
    expect(response.body.message).toMatch(/nested deeper than 32 levels/);
    expect(response.body.errors[0].field).toMatch(/^params\.a\.a/);
  });

  test('an appointment in 1900 or a card started in 9999 is a 400 that says the plausible window', async () => {
    for (const [journey, params, field] of [
      ['appointment-reminder', { appointmentAt: '1900-01-01T09:00:00Z' }, 'params.appointmentAt'],
      [
        'oncology-fast-track',
        { cardId: 'DILO-9999', clockStartAt: '9999-01-01T09:00:00Z' },
        'params.clockStartAt',
      ],
    ] as const) {
      const response = await api()
        .post('/api/journeys')
        .set('Authorization', DEMO_KEYS.operator)
        .send({ journey, patientId: 'pat-sec-dates', params })
        .expect(400);
      expect(response.body.errors).toEqual([
        { field, message: expect.stringMatching(/^must be between \d{4}-\d{2}-\d{2} and \d{4}-\d{2}-\d{2}/) },
      ]);
    }
    const listed = await api()
      .get('/api/journeys?patientId=pat-sec-dates')
      .set('Authorization', DEMO_KEYS.operator);
    expect(listed.body.items).toEqual([]);
  });

  test('settings text with a NUL, a direction override or only zero-width characters is never published', async () => {
    const current = await api()
      .get('/api/programs/preventive-outreach/settings')
      .set('Authorization', DEMO_KEYS.designer)
      .expect(200);
    for (const text of ['Room\u0000 12', '\u202Eevil', '\u200b\u200b']) {
      const settings = JSON.parse(
        JSON.stringify(current.body.settings).replace(/:"[^"]*"/, `:${JSON.stringify(text)}`),
      );
      const response = await api()
        .post('/api/programs/preventive-outreach/settings')
        .set('Authorization', DEMO_KEYS.designer)
        .send({ basedOnVersion: current.body.version, settings })
        .expect(400);
      expect(response.body.errors[0].field).toMatch(/^settings\./);
    }
    const after = await api()
      .get('/api/programs/preventive-outreach/settings')
      .set('Authorization', DEMO_KEYS.designer)
      .expect(200);
    expect(after.body.version).toBe(current.body.version);
  });
});
