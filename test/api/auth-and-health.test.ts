import request from 'supertest';
import { describeApi } from '../../scripts/openapi/designer-client';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

describe('authentication, roles, health and the OpenAPI document', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  test('health needs no credential and reports Temporal and the database', async () => {
    const response = await api().get('/api/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      temporal: { status: 'up' },
      database: { status: 'up' },
    });
  });

  test.each([
    ['get', '/api/journeys'],
    ['get', '/api/journey-types'],
    ['get', `/api/journeys/appointment-reminder-${'0'.repeat(32)}`],
    ['post', '/api/journeys'],
    ['post', `/api/journeys/appointment-reminder-${'0'.repeat(32)}/events`],
    ['post', `/api/journeys/appointment-reminder-${'0'.repeat(32)}/cancel`],
  ] as const)('%s %s is refused without a credential or with a wrong one', async (method, path) => {
    const missing = await api()[method](path).expect(401);
    expect(missing.body).toEqual({ message: expect.stringContaining('Missing credentials'), errors: [] });
    await api()[method](path).set('Authorization', 'Bearer not-a-key').expect(401);
  });

  test('each role may do only its own work', async () => {
    await api().get('/api/journey-types').set('Authorization', DEMO_KEYS.designer).expect(200);
    const designerStarts = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.designer)
      .send({ journey: 'appointment-reminder', patientId: 'pat-1' })
      .expect(403);
    expect(designerStarts.body.message).toBe('The designer role may not do this.');
    await api().get('/api/journeys').set('Authorization', DEMO_KEYS.integration).expect(403);
    await api()
      .post(`/api/journeys/appointment-reminder-${'0'.repeat(32)}/cancel`)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ reason: 'x' })
      .expect(403);
  });

  test('a key tells who it is: role and holder name, for the designer to show each role its work', async () => {
    const operator = await api().get('/api/session').set('Authorization', DEMO_KEYS.operator).expect(200);
    expect(operator.body).toEqual({ role: 'operator', name: 'dev-operator' });
    const auditor = await api().get('/api/session').set('Authorization', DEMO_KEYS.auditor).expect(200);
    expect(auditor.body).toEqual({ role: 'auditor', name: 'dev-auditor' });
    await api().get('/api/session').expect(401);
  });

  test('journey types describe their parameters and events as JSON Schema', async () => {
    const response = await api()
      .get('/api/journey-types')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    const reminder = response.body.find((type: { id: string }) => type.id === 'appointment-reminder');
    expect(reminder.paramsSchema.required).toEqual(['appointmentAt']);
    expect(reminder.eventSchema.oneOf ?? reminder.eventSchema.anyOf).toHaveLength(3);
  });

  test('the OpenAPI document lists every journey route with bearer authentication', async () => {
    const response = await api().get('/api/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/journeys',
        '/api/journeys/{id}',
        '/api/journeys/{id}/events',
        '/api/journeys/{id}/cancel',
        '/api/journey-types',
      ]),
    );
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    await api().get('/api/docs').expect(200);
  });

  test('the document served is the one the designer client is generated from (no server needed there)', async () => {
    const response = await api().get('/api/openapi.json').expect(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(await describeApi())));
  });
});
