import type { Communication, Task } from '@medplum/fhirtypes';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { progressQuery } from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { createJourneyHarness, HARNESS_PSEUDONYM_KEY, type JourneyHarness } from '../helpers/journey-harness';

/*
 * A journey and the patient's record, on the time-skipping server with the seeded FHIR sandbox
 * over HTTP: the contact comes from the EHR before the first message, and what the journey did
 * (messages, staff tasks) is written back, once, linked to the patient.
 */
describe('journeys and the EHR record (time-skipping, FHIR sandbox)', () => {
  let sandbox: FhirSandbox;
  let fhir: FhirClient;
  let harness: JourneyHarness;

  beforeAll(async () => {
    sandbox = await startFhirSandbox({ seed: true });
    fhir = createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 5_000 });
    harness = await createJourneyHarness('ehr-link', { fhir });
  });
  afterAll(async () => {
    await harness?.close();
    await sandbox?.stop();
  });

  const patientRefOf = (patientId: string) => patientRefFor(patientId, HARNESS_PSEUDONYM_KEY);

  test('the first message uses the contact details in the EHR and is written back as a Communication', async () => {
    const patientId = 'pat-1001'; // Maria, in the demo record with a mobile number and an email
    const patientRef = patientRefOf(patientId);
    await harness.seedContact(
      patientRef,
      { phone: '+15555550999', channelOrder: ['sms'] },
      { sms: 'granted' },
    );

    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'flu-shot' },
      patientRef,
      patientId,
    });
    await harness.env.sleep('1 hour');

    const contact = await new PatientContactStore(harness.database.dataSource).find(patientRef);
    expect(contact).toMatchObject({ givenName: 'Maria', phone: '+48601000101', channelOrder: ['sms'] });
    const sms = harness.providers.sms.messages().filter((message) => message.to === '+48601000101');
    expect(sms).toHaveLength(1);
    expect(harness.providers.sms.messages().filter((message) => message.to === '+15555550999')).toHaveLength(
      0,
    );

    const [message] = await harness.messagesOf(handle.workflowId);
    const written = await fhir.search<Communication>('Communication', {
      identifier: `urn:carepath:outreach-message|${message!.id}`,
    });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      status: 'completed',
      subject: { reference: `Patient/${patientId}` },
      payload: [{ contentString: sms[0]!.body }],
    });
    const timeline = (await handle.query(progressQuery)).timeline.map((entry) => entry.summary);
    expect(timeline.some((line) => line.startsWith('Not written to the EHR'))).toBe(false);
  });

  test('a staff task is written back as a Task, linked to the patient', async () => {
    const patientId = 'pat-1004'; // Ade: no consent for email or SMS, so staff call him
    const patientRef = patientRefOf(patientId);
    await harness.seedContact(patientRef, { channelOrder: ['email', 'sms'] }, {});

    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'annual-visit' },
      patientRef,
      patientId,
    });
    await harness.env.sleep('1 hour');
    const [task] = await harness.tasksOf(handle.workflowId);
    expect(task).toMatchObject({ kind: 'call' });

    const written = await fhir.search<Task>('Task', { identifier: `urn:carepath:staff-task|${task!.id}` });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ for: { reference: `Patient/${patientId}` }, intent: 'order' });
  });
});
