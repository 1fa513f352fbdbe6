import type { Patient, Procedure } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { DAY, createJourneyHarness, type JourneyHarness } from '../../test/helpers/journey-harness';
import { cancelJourneyUpdate, type JourneyProgress } from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH } from './preventive-outreach.contract';

/*
 * However an outreach is started (staff through the API, an EHR event, the cohort finder a while
 * ago), it reads the patient's record first, with the FHIR sandbox over HTTP on the time-skipping
 * server: an exclusion procedure or a test that still covers the patient ends it before any message.
 */
describe('preventive outreach reads the record before its first message (time-skipping, FHIR sandbox)', () => {
  let sandbox: FhirSandbox;
  let harness: JourneyHarness;

  beforeAll(async () => {
    sandbox = await startFhirSandbox();
    const fhir = createHttpFhirClient({
      baseUrl: sandbox.baseUrl,
      smart: undefined,
      requestTimeoutMs: 5_000,
    });
    harness = await createJourneyHarness('preventive-record-check', { fhir });
  });
  afterAll(async () => {
    await harness?.close();
    await sandbox?.stop();
  });

  const addPatient = (id: string) =>
    sandbox.repo.updateResource<Patient>({
      resourceType: 'Patient',
      id,
      birthDate: '1970-05-01',
      gender: 'female',
    });
  const addProcedure = (patientId: string, system: string, code: string, performedDateTime: string) =>
    sandbox.repo.createResource<Procedure>({
      resourceType: 'Procedure',
      status: 'completed',
      subject: { reference: `Patient/${patientId}` },
      code: { coding: [{ system, code }] },
      performedDateTime,
    });
  const start = (patientId: string, item: 'mammogram' | 'colorectal-screening') =>
    harness.start(PREVENTIVE_OUTREACH, { params: { item }, patientId, patientRef: `ref-${patientId}` });

  test('[HZ-64] a bilateral mastectomy Procedure on the record ends a staff-started mammogram outreach with nothing sent', async () => {
    await addPatient('pat-bilateral');
    await addProcedure('pat-bilateral', CODE_SYSTEMS.snomed, '27865001', '2019-03-01');
    const handle = await start('pat-bilateral', 'mammogram');
    const final = (await handle.result()) as JourneyProgress;
    expect(final).toMatchObject({
      status: 'completed',
      stage: 'excluded',
      facts: { excluded: 'bilateral-mastectomy' },
    });
    expect(final.timeline.map((entry) => entry.summary).join('\n')).toContain(
      `bilateral mastectomy on the record (${CODE_SYSTEMS.snomed}|27865001)`,
    );
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
  });

  test('[HZ-60] a colonoscopy three years ago ends a colorectal outreach as done; one eleven years ago does not', async () => {
    const now = await harness.now();
    const yearsAgo = (years: number) => new Date(now - years * 365 * DAY).toISOString().slice(0, 10);
    await addPatient('pat-recent');
    await addProcedure('pat-recent', CODE_SYSTEMS.cpt, '45378', yearsAgo(3));
    const done = (await (await start('pat-recent', 'colorectal-screening')).result()) as JourneyProgress;
    expect(done).toMatchObject({ stage: 'completed', facts: { doneTest: 'colonoscopy' } });

    await addPatient('pat-old');
    await addProcedure('pat-old', CODE_SYSTEMS.cpt, '45378', yearsAgo(11));
    const handle = await start('pat-old', 'colorectal-screening');
    await harness.env.sleep('1 hour');
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);
    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
  });
});
