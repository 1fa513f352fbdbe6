import { MockActivityEnvironment } from '@temporalio/testing';
import { OutreachDeliveryEvent } from '../../persistence/entities/outreach-delivery-event.entity';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import {
  sandboxEngagement,
  seedContact,
  startProviderSandbox,
  type ProviderSandbox,
} from '../../test/helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { deliverMessageActivity, type DeliveryRequest, type DeliveryResult } from './deliver-message';

/*
 * What a message costs the database: every journey waits for its delivery before it goes on (a
 * year of prediabetes care sends 78), so the statements one send makes are counted here, on a
 * real PostgreSQL, as TypeORM sends them (BEGIN and COMMIT included). A send was 15 statements:
 * three reads, a seven-statement reservation and a five-statement acknowledgement. It is now one
 * read, the reservation (BEGIN, the per-patient lock, one statement, COMMIT) and one statement
 * for the provider's answer; the two commits that make a crash between them safe stay.
 */
describe('deliverMessage: the statements one message costs', () => {
  let database: TestDatabase;
  let providers: ProviderSandbox;
  let deliver: (request: DeliveryRequest) => Promise<DeliveryResult>;
  let close: () => void;

  beforeAll(async () => {
    [database, providers] = await Promise.all([createTestDatabase(), startProviderSandbox()]);
    const engagement = sandboxEngagement(database.dataSource, providers, { dailyMessageCap: 20 });
    close = engagement.close;
    const activity = deliverMessageActivity(engagement);
    deliver = (request) => new MockActivityEnvironment().run(activity, request);
  });

  afterAll(async () => {
    close?.();
    await Promise.all([database?.drop(), providers?.close()]);
  });

  const request = (patientRef: string, step: string): DeliveryRequest => ({
    stepKey: `journey-counted/${step}`,
    journeyId: 'journey-counted',
    patientRef,
    template: 'preventive-outreach.reminder',
    values: { item: 'flu shot', schedulingUrl: 'https://book.example.org/flu' },
    exclude: [],
    at: '2026-05-04T12:00:00.000Z',
  });

  /** The statements the activity sent while `work` ran, in order. */
  async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const logged = jest.spyOn(database.dataSource.logger, 'logQuery');
    try {
      const result = await work();
      return { result, statements: logged.mock.calls.map(([sql]) => sql.replace(/\s+/g, ' ').trim()) };
    } finally {
      logged.mockRestore();
    }
  }

  test('a new message is six statements: one read, a four-statement reservation and one for the answer', async () => {
    await seedContact(database.dataSource, 'ref-counted', { channelOrder: ['email'] });

    const { result, statements } = await statementsOf(() => deliver(request('ref-counted', 'reminder')));

    expect(result).toMatchObject({ outcome: 'sent', channel: 'email', alreadySent: false });
    expect(statements).toHaveLength(6);
    expect(statements[0]).toMatch(
      /^SELECT .*FROM outreach_message .*FROM patient_contact .*FROM channel_consent/,
    );
    expect(statements.slice(1, 3)).toEqual([
      'START TRANSACTION',
      'SELECT pg_advisory_xact_lock(hashtext($1))',
    ]);
    expect(statements[3]).toMatch(/INSERT INTO outreach_message .*INSERT INTO outreach_delivery_event/);
    expect(statements[4]).toBe('COMMIT');
    expect(statements[5]).toMatch(/UPDATE outreach_message .*INSERT INTO outreach_delivery_event/);

    // The log is what it was when these were separate statements: the attempt, sent, and its two events.
    const [attempt] = await database.dataSource
      .getRepository(OutreachMessage)
      .findBy({ stepKey: 'journey-counted/reminder' });
    expect(attempt).toMatchObject({ status: 'sent', channel: 'email', urgent: false, language: 'en' });
    expect(attempt.sentAt).toBeInstanceOf(Date);
    expect(attempt.providerMessageId).toBeTruthy();
    const events = await database.dataSource
      .getRepository(OutreachDeliveryEvent)
      .find({ where: { messageId: attempt.id }, order: { occurredAt: 'ASC' } });
    expect(events.map(({ status, source }) => [status, source])).toEqual([
      ['sending', 'delivery'],
      ['sent', 'delivery'],
    ]);
  });

  test('a retry of a delivered step is one read and writes nothing', async () => {
    await seedContact(database.dataSource, 'ref-retried', { channelOrder: ['email'] });
    const first = await deliver(request('ref-retried', 'reminder'));

    const { result, statements } = await statementsOf(() => deliver(request('ref-retried', 'reminder')));

    expect(result).toEqual({ ...first, alreadySent: true });
    expect(statements).toHaveLength(1);
  });

  test("the step's attempts are read through an index, so a send does not cost more as the log grows", async () => {
    const indexes = (await database.dataSource.query(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'outreach_message'",
    )) as { indexdef: string }[];
    expect(indexes.map(({ indexdef }) => indexdef)).toContainEqual(
      expect.stringMatching(/ON public\.outreach_message USING btree \(step_key\b/),
    );
  });

  test('the one read is fresh at every send: a consent revoked between two messages moves the next', async () => {
    await seedContact(database.dataSource, 'ref-stopped', { channelOrder: ['sms', 'email'] });
    expect(await deliver(request('ref-stopped', 'first'))).toMatchObject({ channel: 'sms' });

    await new PatientContactStore(database.dataSource).setConsent('ref-stopped', {
      channel: 'sms',
      status: 'revoked',
      source: 'sms-keyword',
    });

    expect(await deliver(request('ref-stopped', 'second'))).toMatchObject({
      outcome: 'sent',
      channel: 'email',
    });
  });
});
