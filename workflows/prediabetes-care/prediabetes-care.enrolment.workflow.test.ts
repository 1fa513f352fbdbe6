import type { Condition, Patient } from '@medplum/fhirtypes';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import {
  createJourneyHarness,
  HARNESS_PSEUDONYM_KEY,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import type { JourneyProgress } from '../../contracts/journey-contract';
import { JOURNEY, sendEvent, templatesReceived } from './prediabetes-care.test-support';

/*
 * CDC National DPP eligibility at enrolment, whoever starts the journey (an EHR Condition, the
 * API, a cohort): age >= 18 and no diabetes, read from the patient's record and from Carepath's
 * own earlier referral. A refused enrolment sends the patient nothing and tells staff why.
 */
describe('prediabetes care: who may be enrolled (time-skipping, FHIR sandbox)', () => {
  let sandbox: FhirSandbox;
  let harness: JourneyHarness;

  beforeAll(async () => {
    sandbox = await startFhirSandbox();
    const fhir = createHttpFhirClient({
      baseUrl: sandbox.baseUrl,
      smart: undefined,
      requestTimeoutMs: 5_000,
    });
    harness = await createJourneyHarness('prediabetes-enrolment', { fhir });
  });

  afterAll(async () => {
    await harness?.close();
    await sandbox?.stop();
  });

  async function patient(birthDate: string, diabetes?: { system: string; code: string }): Promise<string> {
    const created = await sandbox.repo.createResource<Patient>({ resourceType: 'Patient', birthDate });
    if (diabetes) {
      await sandbox.repo.createResource<Condition>({
        resourceType: 'Condition',
        subject: { reference: `Patient/${created.id}` },
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        code: { coding: [diabetes] },
      });
    }
    return created.id!;
  }

  const enrolFromEhr = (patientId: string, workflowId?: string) =>
    harness.start(JOURNEY, {
      params: { entry: { kind: 'condition', code: 'R73.03' }, timeZone: 'America/Chicago' },
      patientId,
      patientRef: patientRefFor(patientId, HARNESS_PSEUDONYM_KEY),
      ...(workflowId ? { workflowId } : {}),
    });

  test('an eligible adult is enrolled and welcomed', async () => {
    const handle = await enrolFromEhr(await patient('1970-04-02'));
    await harness.env.sleep('1 hour');
    expect(await templatesReceived(harness, handle)).toContain('prediabetes-care.welcome');
  });

  test('[HZ-16] a child with a prediabetes Condition is not enrolled: no message, a staff task says why', async () => {
    const tenYearsAgo = `${new Date(await harness.now()).getUTCFullYear() - 10}-06-01`;
    const handle = await enrolFromEhr(await patient(tenYearsAgo));
    const final: JourneyProgress = await handle.result();

    expect(final).toMatchObject({ status: 'completed', stage: 'not-eligible' });
    expect(await templatesReceived(harness, handle)).toEqual([]);
    const tasks = await harness.tasksOf(handle.workflowId);
    expect(tasks).toEqual([expect.objectContaining({ kind: 'enrolment-refused' })]);
    expect(tasks[0]!.details).toMatchObject({ refusals: [{ reason: 'under-18' }] });
  });

  test('[HZ-17] a patient with diabetes in the record is not enrolled in the prevention program', async () => {
    const handle = await enrolFromEhr(
      await patient('1965-01-20', { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }),
    );
    const final: JourneyProgress = await handle.result();

    expect(final.stage).toBe('not-eligible');
    expect(await templatesReceived(harness, handle)).toEqual([]);
    expect((await harness.tasksOf(handle.workflowId))[0]!.details).toMatchObject({
      refusals: [{ reason: 'diabetes-recorded', code: 'http://hl7.org/fhir/sid/icd-10-cm|E11.9' }],
    });
  });

  test('[HZ-17] a patient the program referred to diabetes care is not enrolled again by a later prediabetes Condition', async () => {
    const patientId = await patient('1960-09-09');
    const workflowId = `prediabetes-care-reenrol-${patientId}`;
    const first = await enrolFromEhr(patientId, workflowId);
    await harness.env.sleep('30 hours');
    await sendEvent(first, { type: 'diabetes-diagnosed' });
    expect(await first.result()).toMatchObject({ stage: 'referred-to-diabetes-care' });

    const second = await enrolFromEhr(patientId, workflowId);
    const final: JourneyProgress = await second.result();
    expect(final.stage).toBe('not-eligible');
    const welcomes = (await templatesReceived(harness, second)).filter(
      (template) => template === 'prediabetes-care.welcome',
    );
    expect(welcomes).toHaveLength(1); // the first enrolment's, none for the second
    const refused = (await harness.tasksOf(workflowId)).find((task) => task.kind === 'enrolment-refused');
    expect(refused!.details).toMatchObject({ refusals: [{ reason: 'referred-to-diabetes-care' }] });
  });
});
