import type { Immunization, Procedure } from '@medplum/fhirtypes';
import request from 'supertest';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { EHR_BASE, notificationBundle } from '../../shared/ehr-inbound/inbound.test-support';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { DAY_MS } from '../../contracts/durations';

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Screenings and exclusions recorded in the EHR, over HTTP into the real API, worker, Temporal
 * dev server, PostgreSQL and the FHIR sandbox: each reaches the patient's outreach for its own
 * item, which closes with the date and code on its timeline.
 */
describe('POST /api/fhir: a screening or an exclusion recorded in the EHR', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: { seed: false },
    });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const post = (focus: Procedure | Immunization, number = 1) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(
        JSON.stringify(
          notificationBundle({
            subscription: `${EHR_BASE}/Subscription/${uniqueName('sub')}`,
            events: [{ number, focus }],
          }),
        ),
      );

  async function ehrPatient(): Promise<string> {
    const id = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({
      resourceType: 'Patient',
      id,
      birthDate: '1970-05-01',
      gender: 'female',
    });
    return id;
  }

  async function startOutreach(patientId: string, item: string): Promise<string> {
    const response = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.integration)
      .send({ journey: 'preventive-outreach', patientId, params: { item } })
      .expect(201);
    return response.body.id as string;
  }

  const journey = async (id: string) =>
    (await api().get(`/api/journeys/${id}`).set('Authorization', DEMO_KEYS.operator).expect(200)).body as {
      status: string;
      stage: string;
      timeline: Array<{ summary: string }>;
    };

  const procedure = (patientId: string, system: string, code: string, performed: string): Procedure => ({
    resourceType: 'Procedure',
    id: uniqueName('proc'),
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    code: { coding: [{ system, code }] },
    performedDateTime: performed,
  });

  test('[HZ-60] [HZ-61] a colonoscopy Procedure closes the colorectal outreach as done, and not the mammogram outreach', async () => {
    const patientId = await ehrPatient();
    const colorectal = await startOutreach(patientId, 'colorectal-screening');
    const mammogram = await startOutreach(patientId, 'mammogram');
    const at = daysAgo(3);
    const response = await post(procedure(patientId, CODE_SYSTEMS.cpt, '45378', at)).expect(200);
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [
        { id: colorectal, journey: 'preventive-outreach', result: 'applied', event: 'screening-done' },
      ],
    });
    const closed = await eventually(
      () => journey(colorectal),
      (body) => body.stage === 'completed',
    );
    expect(closed.timeline.map((entry) => entry.summary)).toContain(
      `Screening recorded in the EHR: colonoscopy (${CODE_SYSTEMS.cpt}|45378) on ${at}`,
    );
    expect((await journey(mammogram)).stage).toBe('outreach');
  });

  test('[HZ-65] a bilateral mastectomy Procedure ends the running mammogram outreach with the reason', async () => {
    const patientId = await ehrPatient();
    const mammogram = await startOutreach(patientId, 'mammogram');
    const response = await post(procedure(patientId, CODE_SYSTEMS.snomed, '27865001', daysAgo(1))).expect(
      200,
    );
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: mammogram, result: 'applied', event: 'screening-excluded' }],
    });
    const ended = await eventually(
      () => journey(mammogram),
      (body) => body.stage === 'excluded',
    );
    const summaries = ended.timeline.map((entry) => entry.summary);
    expect(summaries.some((summary) => summary.includes('bilateral mastectomy recorded in the EHR'))).toBe(
      true,
    );
    // Whatever staff work the outreach had opened is closed: nobody calls to book a mammogram now.
    // The journey closes its staff work as it ends, just after the event is applied.
    const openTasks = () =>
      stack.database.dataSource.query<Array<{ status: string }>>(
        "SELECT status FROM staff_task WHERE journey_id = $1 AND status IN ('open', 'claimed')",
        [mammogram],
      );
    expect(await eventually(openTasks, (rows) => rows.length === 0)).toEqual([]);
  });

  test('[HZ-61] a procedure in no value set is stored and ignored, naming its code', async () => {
    const patientId = await ehrPatient();
    const response = await post(procedure(patientId, CODE_SYSTEMS.cpt, '97110', daysAgo(1))).expect(200);
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: `no routing rule matches Procedure coded ${CODE_SYSTEMS.cpt}|97110`,
    });
  });
});
