import type { ServiceRequest } from '@medplum/fhirtypes';
import request from 'supertest';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { registerJourney } from '../../workflows/journeys';
import { wellnessCheckJourney } from '../fixtures/journeys/wellness-check/wellness-check.journey';
import { WELLNESS_ORDER } from '../fixtures/journeys/wellness-check/wellness-check.starts';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

/*
 * A journey an EHR resource starts is one folder too: the fixture's start rule
 * (test/fixtures/journeys/wellness-check/wellness-check.starts.ts, the `starts` of its triggers)
 * selects a ServiceRequest by its own order code. This test registers the module, as a
 * composition root does, before the API and worker start; no product file names the journey, yet
 * the EHR router starts it, and an order posted to the inbound endpoint enrols the patient.
 */
registerJourney(wellnessCheckJourney);

function wellnessOrder(patientId: string, status: ServiceRequest['status'] = 'active'): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: uniqueName('order'),
    status,
    intent: 'order',
    code: { coding: [WELLNESS_ORDER] },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: new Date().toISOString(),
  };
}

describe('adding a journey an EHR resource starts', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({}, undefined, { fhirSandbox: {} });
  }, 180_000);
  afterAll(() => stack?.close());

  it('is started by the EHR router from the start rule in its own folder', () => {
    expect(routeResource(wellnessOrder('pat-order'))).toEqual({
      kind: 'start',
      rule: 'wellness-check-ordered',
      patientId: 'pat-order',
      journey: 'wellness-check',
      params: {},
    });
    expect(routeResource(wellnessOrder('pat-order', 'completed'))).toEqual({
      kind: 'ignore',
      rule: 'wellness-check-ordered',
      reason: 'order status completed: only an active order starts a wellness check',
    });
  });

  it('starts when its order is posted to the EHR inbound endpoint, and runs its own workflow', async () => {
    const patientId = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({ resourceType: 'Patient', id: patientId });
    const api = () => request(stack.http);
    const response = await api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(JSON.stringify(wellnessOrder(patientId)))
      .expect(200);
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'started',
      rule: 'wellness-check-ordered',
      journeys: [expect.objectContaining({ journey: 'wellness-check', result: 'started' })],
    });
    const id = response.body.entries[0].journeys[0].id as string;
    const journey = await api()
      .get(`/api/journeys/${id}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(journey.body).toMatchObject({ journey: 'wellness-check' });
    expect(['enrolled', 'invited']).toContain(journey.body.stage);
  }, 120_000);
});
