import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * Security regressions (issue "Secure by default", finding 5): each key sees only what its work
 * needs. Designers see programs, maps, counts and settings, never a patient; an integration key
 * scoped to one purpose (EHR inbound, the portal inbox) can do nothing else.
 */
describe('security: minimum necessary', () => {
  let stack: ApiStack;
  const scoped = { ehr: 'ehr-engine-secret', portal: 'portal-secret' };

  beforeAll(async () => {
    stack = await startApiStack({
      API_KEYS: [
        'designer:dev-designer=dev-designer-key',
        'operator:dev-operator=dev-operator-key',
        'integration:dev-integration=dev-integration-key',
        'auditor:dev-auditor=dev-auditor-key',
        `integration/ehr-inbound:ehr-engine=${scoped.ehr}`,
        `integration/portal-inbox:patient-portal=${scoped.portal}`,
      ].join(','),
    });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  test('no answer a designer can get names a patient or holds a clinical fact', async () => {
    const patientId = 'pat-min-nec-4711';
    await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'prediabetes-care', patientId, params: { entry: { kind: 'hba1c', value: 6.1 } } })
      .expect(201);
    const listed = await api().get('/api/journeys').set('Authorization', DEMO_KEYS.operator).expect(200);
    const journeyId = listed.body.items[0].id as string;

    for (const path of [
      '/api/journeys',
      `/api/journeys?patientId=${patientId}`,
      `/api/journeys/${journeyId}`,
      `/api/journeys/${journeyId}/messages`,
    ]) {
      expect({
        path,
        status: (await api().get(path).set('Authorization', DEMO_KEYS.designer)).status,
      }).toEqual({
        path,
        status: 403,
      });
    }
    // What a designer works with: every answer free of the patient and of the A1C value.
    for (const path of [
      '/api/journey-types',
      '/api/journey-types/prediabetes-care/stats',
      '/api/programs/prediabetes-care/settings',
      '/api/programs/prediabetes-care/settings/versions',
    ]) {
      const answer = await api().get(path).set('Authorization', DEMO_KEYS.designer).expect(200);
      const text = JSON.stringify(answer.body);
      expect({ path, patient: text.includes(patientId), journey: text.includes(journeyId) }).toEqual({
        path,
        patient: false,
        journey: false,
      });
    }
  });

  test('a key scoped to EHR inbound posts EHR events and nothing else', async () => {
    const bundle = { resourceType: 'Bundle', type: 'history', entry: [] };
    const posted = await api().post('/api/fhir').set('Authorization', `Bearer ${scoped.ehr}`).send(bundle);
    expect(posted.status).not.toBe(401);
    expect(posted.status).not.toBe(403);
    await api()
      .post('/api/journeys')
      .set('Authorization', `Bearer ${scoped.ehr}`)
      .send({ journey: 'appointment-reminder', patientId: 'pat-scope', params: {} })
      .expect(403);
    await api()
      .get('/api/patients/pat-scope/contact')
      .set('Authorization', `Bearer ${scoped.ehr}`)
      .expect(403);
    await api().get('/api/patients/pat-scope/inbox').set('Authorization', `Bearer ${scoped.ehr}`).expect(403);
  });

  test('a key scoped to the portal inbox reads and marks the inbox and nothing else', async () => {
    await api()
      .get('/api/patients/pat-scope/inbox')
      .set('Authorization', `Bearer ${scoped.portal}`)
      .expect(200);
    const refused = await api()
      .put('/api/patients/pat-scope/contact')
      .set('Authorization', `Bearer ${scoped.portal}`)
      .send({ phone: '+15555550999' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('scoped to portal-inbox');
    await api()
      .post('/api/fhir')
      .set('Authorization', `Bearer ${scoped.portal}`)
      .send({ resourceType: 'Bundle', type: 'history', entry: [] })
      .expect(403);
  });
});
