import { randomUUID } from 'node:crypto';
import type { Communication, Task } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { OutreachMessage, type OutreachStatus } from '../../persistence/entities/outreach-message.entity';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { defaultEngagementPolicy } from '../../shared/engagement/engagement-policy';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { createEhrActivities, EHR_PATIENT_MISMATCH, type EhrActivities } from './ehr-activities';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import { JOURNEY_EXTENSION_URL } from '../../shared/ehr/carepath-identifiers';

/*
 * The EHR activities as a worker runs them (MockActivityEnvironment), against the real
 * PostgreSQL and the FHIR sandbox over HTTP. "Runs twice" is what Temporal does after a worker
 * crash or a lost answer: the same input again.
 */
const PSEUDONYM_KEY = 'ehr-activities-test-key';
const refOf = (patientId: string) => patientRefFor(patientId, PSEUDONYM_KEY);

describe('EHR activities', () => {
  let database: TestDatabase;
  let sandbox: FhirSandbox;
  let fhir: FhirClient;
  let activities: EhrActivities;
  let contacts: PatientContactStore;

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startFhirSandbox({ seed: true })]);
    fhir = createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 5_000 });
    activities = createEhrActivities({ dataSource: database.dataSource, fhir, pseudonymKey: PSEUDONYM_KEY });
    contacts = new PatientContactStore(database.dataSource);
  });

  afterAll(async () => {
    await Promise.all([database?.drop(), sandbox?.stop()]);
  });

  const run = <I, O>(activity: (input: I) => Promise<O>, input: I): Promise<O> =>
    new MockActivityEnvironment().run(activity, input);

  async function outreachMessage(
    patientId: string,
    status: OutreachStatus,
    extra: Partial<OutreachMessage> = {},
  ): Promise<OutreachMessage> {
    const journeyId = `preventive-outreach-${refOf(patientId)}`;
    const now = new Date('2026-05-04T12:00:00Z');
    return database.dataSource.getRepository(OutreachMessage).save({
      idempotencyKey: `${journeyId}/reminder-${randomUUID()}#sms`,
      stepKey: `${journeyId}/reminder`,
      journeyId,
      patientRef: refOf(patientId),
      channel: 'sms',
      template: 'preventive-outreach.reminder',
      status,
      urgent: false,
      language: 'en',
      readingLevel: 'plain',
      templateFile: 'preventive-outreach/reminder.en.plain.sms.hbs',
      subject: null,
      body: 'Hi Maria, your flu shot is due. Book at https://book.example.org/flu',
      providerMessageId: status === 'sending' ? null : `SM${randomUUID().replace(/-/g, '')}`,
      errorCode: status === 'rejected' ? '21610' : null,
      errorReason: null,
      plannedAt: now,
      sentAt: ['sent', 'delivered', 'read'].includes(status) ? now : null,
      statusUpdatedAt: now,
      ...extra,
    });
  }

  const communicationsWith = (messageId: string) =>
    fhir.search<Communication>('Communication', { identifier: `urn:carepath:outreach-message|${messageId}` });

  describe('syncPatientContact', () => {
    test("the EHR's name, email, mobile, language and zone replace the stored ones; Carepath's own settings stay", async () => {
      const ref = refOf('pat-1002');
      await contacts.save(ref, {
        givenName: 'Lucy',
        email: 'old-address@patients.example',
        phone: '+15555550000',
        portalEnabled: true,
        language: 'en',
        readingLevel: 'standard',
        timeZone: 'UTC',
        channelOrder: ['sms', 'email'],
        quietHours: { sms: { start: '22:00', end: '07:00' } },
      });

      const result = await run(activities.syncPatientContact, { patientId: 'pat-1002' });

      expect(result).toEqual({
        found: true,
        created: false,
        changed: ['givenName', 'email', 'phone', 'language', 'timeZone'],
      });
      expect(await contacts.find(ref)).toMatchObject({
        givenName: 'Lucía',
        email: 'lucia@patients.example',
        phone: '+525512340102',
        language: 'es',
        timeZone: 'America/Mexico_City',
        portalEnabled: true,
        readingLevel: 'standard',
        channelOrder: ['sms', 'email'],
        quietHours: { sms: { start: '22:00', end: '07:00' } },
      });
      // Nothing new in the EHR: the second sync finds nothing to change.
      expect(await run(activities.syncPatientContact, { patientId: 'pat-1002' })).toEqual({
        found: true,
        created: false,
        changed: [],
      });
    });

    test('a patient new to Carepath gets a profile with the policy defaults for how to reach them', async () => {
      const result = await run(activities.syncPatientContact, { patientId: 'pat-2001' });

      expect(result).toMatchObject({ found: true, created: true });
      expect(await contacts.find(refOf('pat-2001'))).toMatchObject({
        givenName: 'Robert',
        phone: '+13125550171',
        timeZone: 'America/Chicago',
        channelOrder: defaultEngagementPolicy.defaultChannelOrder,
        portalEnabled: false,
        quietHours: null,
      });
    });

    test('a patient the EHR does not have is an explicit outcome, and nothing is stored', async () => {
      expect(await run(activities.syncPatientContact, { patientId: 'pat-0404' })).toEqual({ found: false });
      expect(await contacts.find(refOf('pat-0404'))).toBeNull();
    });
  });

  describe('recordCommunicationInEhr', () => {
    test('a sent SMS becomes one Communication, linked to the patient and the journey, however often it runs', async () => {
      const message = await outreachMessage('pat-1001', 'sent');

      const first = await run(activities.recordCommunicationInEhr, {
        outreachMessageId: message.id,
        patientId: 'pat-1001',
      });
      const second = await run(activities.recordCommunicationInEhr, {
        outreachMessageId: message.id,
        patientId: 'pat-1001',
      });

      expect(first).toEqual({ recorded: true, resourceId: expect.any(String) });
      expect(second).toEqual(first);
      const stored = await communicationsWith(message.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: (first as { resourceId: string }).resourceId,
        status: 'completed',
        subject: { reference: 'Patient/pat-1001' },
        recipient: [{ reference: 'Patient/pat-1001' }],
        medium: [{ coding: [{ code: 'SMSWRIT' }] }],
        sent: '2026-05-04T12:00:00.000Z',
        payload: [{ contentString: message.body }],
        extension: [{ url: JOURNEY_EXTENSION_URL, valueIdentifier: { value: message.journeyId } }],
      });
      const inChart = await fhir.search<Communication>('Communication', { subject: 'Patient/pat-1001' });
      expect(inChart.map((communication) => communication.id)).toContain(stored[0]!.id);
    });

    test('a message still being sent is not written yet', async () => {
      const message = await outreachMessage('pat-1001', 'sending');
      expect(
        await run(activities.recordCommunicationInEhr, {
          outreachMessageId: message.id,
          patientId: 'pat-1001',
        }),
      ).toEqual({ recorded: false, reason: 'still-sending' });
      expect(await communicationsWith(message.id)).toEqual([]);
    });

    test('a message the provider refused is recorded as not done, with no sent time', async () => {
      const message = await outreachMessage('pat-1001', 'rejected');
      await run(activities.recordCommunicationInEhr, {
        outreachMessageId: message.id,
        patientId: 'pat-1001',
      });
      const [stored] = await communicationsWith(message.id);
      expect(stored).toMatchObject({
        status: 'not-done',
        statusReason: { text: 'rejected (provider code 21610)' },
      });
      expect(stored!.sent).toBeUndefined();
    });

    test("a message of another patient is refused for good, and nothing reaches this patient's chart", async () => {
      const message = await outreachMessage('pat-1001', 'sent');
      const failure = await run(activities.recordCommunicationInEhr, {
        outreachMessageId: message.id,
        patientId: 'pat-1004',
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: EHR_PATIENT_MISMATCH });
      expect(await communicationsWith(message.id)).toEqual([]);
    });

    test('an unknown message id is an explicit outcome', async () => {
      for (const outreachMessageId of [randomUUID(), 'not-a-uuid']) {
        expect(
          await run(activities.recordCommunicationInEhr, { outreachMessageId, patientId: 'pat-1001' }),
        ).toEqual({ recorded: false, reason: 'not-found' });
      }
    });
  });

  describe('recordTaskInEhr', () => {
    test('an urgent escalation becomes one Task with its deadline, findable by its id and by its journey', async () => {
      const journeyId = `oncology-fast-track-${refOf('pat-2002')}`;
      const dueAt = new Date('2026-05-18T09:00:00Z');
      const task = await database.dataSource.getRepository(StaffTask).save({
        idempotencyKey: `${journeyId}/specialist-visit-deadline`,
        journeyId,
        patientRef: refOf('pat-2002'),
        kind: 'deadline-breach',
        priority: 'urgent' as const,
        title: 'Specialist visit deadline passed: book the visit today',
        details: {},
        dueAt,
        status: 'open' as const,
        claimedBy: null,
        claimedAt: null,
        completedAt: null,
        outcome: null,
        note: null,
      });

      const first = await run(activities.recordTaskInEhr, { staffTaskId: task.id, patientId: 'pat-2002' });
      const second = await run(activities.recordTaskInEhr, { staffTaskId: task.id, patientId: 'pat-2002' });

      expect(second).toEqual(first);
      const byId = await fhir.search<Task>('Task', { identifier: `urn:carepath:staff-task|${task.id}` });
      expect(byId).toHaveLength(1);
      expect(byId[0]).toMatchObject({
        status: 'requested',
        intent: 'order',
        priority: 'urgent',
        description: task.title,
        for: { reference: 'Patient/pat-2002' },
        restriction: { period: { end: dueAt.toISOString() } },
      });
      const byJourney = await fhir.search<Task>('Task', {
        'group-identifier': `urn:carepath:journey|${journeyId}`,
      });
      expect(byJourney.map((found) => found.id)).toEqual([byId[0]!.id]);
    });
  });
});
