import type { Observation } from '@medplum/fhirtypes';
import request from 'supertest';
import { notificationBundle, observation, EHR_BASE } from '../../shared/ehr-inbound/inbound.test-support';
import { OBSERVATION_CATEGORY_SYSTEM } from '../../workflows/prediabetes-care/prediabetes-care.ehr-events';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { HOUR_MS } from '../../contracts/durations';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * Prediabetes measurements over HTTP, as an EHR and a clinic send them: the real API, worker,
 * Temporal dev server, PostgreSQL and the FHIR sandbox.
 */
describe('prediabetes care over HTTP: what a reading is decides what it does', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: {},
    });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  async function adultPatient(): Promise<string> {
    const id = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({ resourceType: 'Patient', id, birthDate: '1968-03-14' });
    return id;
  }

  function enrol(patientId: string, entry: Record<string, unknown>) {
    return api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.integration)
      .send({ journey: 'prediabetes-care', patientId, params: { entry, timeZone: 'America/Chicago' } });
  }

  const journey = async (id: string) =>
    (await api().get(`/api/journeys/${id}`).set('Authorization', DEMO_KEYS.operator).expect(200)).body as {
      stage: string;
      timeline: Array<{ kind: string; summary: string }>;
    };

  const tasks = async (journeyId: string) =>
    (
      await api()
        .get('/api/staff-tasks')
        .query({ journeyId })
        .set('Authorization', DEMO_KEYS.operator)
        .expect(200)
    ).body.items as Array<{ kind: string; priority: string }>;

  function labResult(patientId: string, code: string, value: number, unit: string): Observation {
    return {
      ...observation(patientId, code, value, unit, ago(2 * HOUR_MS), uniqueName('obs')),
      category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'laboratory' }] }],
    };
  }

  const fromEhr = (resources: Observation[]) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(
        JSON.stringify(
          notificationBundle({
            subscription: `${EHR_BASE}/Subscription/${uniqueName('sub')}`,
            events: resources.map((focus, index) => ({ number: index + 1, focus })),
          }),
        ),
      )
      .expect(200);

  test('[HZ-13] an A1C in mmol/mol enrols when in the IFCC prediabetes range and is refused at 48', async () => {
    await enrol(await adultPatient(), { kind: 'hba1c', value: 47, unit: 'mmol/mol' }).expect(201);
    const refused = await enrol(await adultPatient(), { kind: 'hba1c', value: 48, unit: 'mmol/mol' }).expect(
      400,
    );
    expect(JSON.stringify(refused.body)).toContain('is in the diabetes range (HbA1c >= 48 mmol/mol)');
  });

  test('[HZ-01] [HZ-11] [HZ-12] glucometer readings of 150 and 140 and an IFCC A1C of 47 start nothing; an IFCC A1C of 52 asks for a confirming test', async () => {
    const patientId = await adultPatient();
    const id = (await enrol(patientId, { kind: 'condition' }).expect(201)).body.id as string;

    await fromEhr([
      labResult(patientId, '41653-7', 150, 'mg/dL'),
      labResult(patientId, '41653-7', 140, 'mg/dL'),
      labResult(patientId, '59261-8', 47, 'mmol/mol'),
    ]);
    await eventually(
      () => journey(id),
      (body) => body.timeline.filter((entry) => entry.summary.startsWith('Reading logged')).length === 3,
    );
    expect((await journey(id)).stage).not.toBe('confirming-diabetes');
    // (A patient with no contact details gets a call task for the welcome: not about the readings.)
    const kinds = (await tasks(id)).map((task) => task.kind);
    expect(kinds).not.toContain('confirming-test');
    expect(kinds).not.toContain('referral-diabetes-care');

    await fromEhr([labResult(patientId, '59261-8', 52, 'mmol/mol')]);
    const ordered = await eventually(
      () => tasks(id),
      (list) => list.some((task) => task.kind === 'confirming-test'),
    );
    expect(ordered.map((task) => task.kind)).toContain('confirming-test');
    expect((await journey(id)).stage).toBe('confirming-diabetes');
  });

  test('[HZ-08] a home reading of 45 mg/dL sent by the app is an urgent task for a clinician', async () => {
    const id = (await enrol(await adultPatient(), { kind: 'condition' }).expect(201)).body.id as string;
    await api()
      .post(`/api/journeys/${id}/events`)
      .set('Authorization', DEMO_KEYS.integration)
      .send({ type: 'reading', metric: 'fasting-glucose-mg-dl', value: 45, source: 'home', at: ago(HOUR_MS) })
      .expect(200);
    const list = await eventually(
      () => tasks(id),
      (found) => found.some((task) => task.kind === 'critical-value'),
    );
    expect(list.filter((task) => task.kind === 'critical-value')).toEqual([
      expect.objectContaining({ priority: 'urgent' }),
    ]);
  });
});
