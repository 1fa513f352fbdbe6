import { MockActivityEnvironment } from '@temporalio/testing';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import {
  sandboxEngagement,
  seedContact,
  startProviderSandbox,
  type ProviderSandbox,
} from '../../test/helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { deliverMessageActivity, type DeliveryRequest, type DeliveryResult } from './deliver-message';

/*
 * Send-once at the provider boundary: the delivery activity against a real SMTP server, a
 * Twilio-speaking endpoint and PostgreSQL, with the faults a worker meets. A retry is what
 * Temporal does after a crash or a lost answer: the same activity input, run again.
 */
describe('deliverMessage: send once, whatever fails', () => {
  let database: TestDatabase;
  let providers: ProviderSandbox;
  let deliver: (request: DeliveryRequest) => Promise<DeliveryResult>;
  /** The same activity with an EHR that records `pat-deceased` as deceased. */
  let deliverWithEhr: (request: DeliveryRequest) => Promise<DeliveryResult>;
  let close: () => void;

  beforeAll(async () => {
    [database, providers] = await Promise.all([createTestDatabase(), startProviderSandbox()]);
    const engagement = sandboxEngagement(database.dataSource, providers, { dailyMessageCap: 2 });
    close = engagement.close;
    const activity = deliverMessageActivity(engagement);
    deliver = (request) => new MockActivityEnvironment().run(activity, request);
    const withEhr = deliverMessageActivity({
      ...engagement,
      vitalStatus: { isDeceased: (patientId) => Promise.resolve(patientId === 'pat-deceased') },
    });
    deliverWithEhr = (request) => new MockActivityEnvironment().run(withEhr, request);
  });

  afterAll(async () => {
    close?.();
    await Promise.all([database?.drop(), providers?.close()]);
  });

  const noonUtc = '2026-05-04T12:00:00.000Z';
  const request = (
    patientRef: string,
    step: string,
    extra: Partial<DeliveryRequest> = {},
  ): DeliveryRequest => ({
    stepKey: `journey-under-test/${step}`,
    journeyId: 'journey-under-test',
    patientRef,
    template: 'preventive-outreach.reminder',
    values: { item: 'flu shot', schedulingUrl: 'https://book.example.org/flu' },
    exclude: [],
    at: noonUtc,
    ...extra,
  });
  const attemptsOf = (stepKey: string) =>
    database.dataSource
      .getRepository(OutreachMessage)
      .find({ where: { stepKey }, order: { createdAt: 'ASC' } });

  test('[HZ-82] an SMS whose answer was lost is found at the provider on retry, not sent again', async () => {
    const phone = '+15555550301';
    await seedContact(
      database.dataSource,
      'ref-lost-answer',
      { phone, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    providers.sms.failNext('drop-response');

    await expect(deliver(request('ref-lost-answer', 'reminder'))).rejects.toThrow();
    const retried = await deliver(request('ref-lost-answer', 'reminder'));

    expect(retried).toMatchObject({ outcome: 'sent', channel: 'sms', alreadySent: true });
    expect(providers.sms.messages().filter((sms) => sms.to === phone)).toHaveLength(1);
    const [attempt] = await attemptsOf('journey-under-test/reminder');
    expect(attempt.status).toBe('sent');
    expect(attempt.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  test('[HZ-83] an email whose answer was lost is marked uncertain and never sent twice', async () => {
    const email = 'lost-answer@patients.test';
    await seedContact(
      database.dataSource,
      'ref-lost-mail',
      { email, channelOrder: ['email'] },
      { email: 'granted' },
    );
    providers.smtp.failNext('drop-after-data');

    await expect(deliver(request('ref-lost-mail', 'mail'))).rejects.toThrow();
    const retried = await deliver(request('ref-lost-mail', 'mail'));

    expect(retried).toMatchObject({ outcome: 'sent', channel: 'email', uncertain: true });
    expect(providers.smtp.messages().filter((mail) => mail.to.includes(email))).toHaveLength(1);
    const [attempt] = await attemptsOf('journey-under-test/mail');
    expect(attempt.status).toBe('uncertain');
  });

  test('[HZ-82] a provider error before anything was accepted is retried and sent once', async () => {
    const phone = '+15555550302';
    await seedContact(
      database.dataSource,
      'ref-provider-down',
      { phone, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    providers.sms.failNext('server-error');

    await expect(deliver(request('ref-provider-down', 'reminder-2'))).rejects.toThrow();
    expect(await deliver(request('ref-provider-down', 'reminder-2'))).toMatchObject({ outcome: 'sent' });
    expect(providers.sms.messages().filter((sms) => sms.to === phone)).toHaveLength(1);
  });

  describe('two journeys send the same text to one shared phone (a household landline)', () => {
    const household = (phone: string, suffix: string) => {
      const members = [`ref-household-a-${suffix}`, `ref-household-b-${suffix}`];
      const requests = members.map((patientRef, n) =>
        request(patientRef, 'reminder', {
          journeyId: `journey-household-${suffix}-${n}`,
          stepKey: `journey-household-${suffix}-${n}/reminder`,
        }),
      );
      return { members, requests, seed: () => seedMembers(members, phone) };
    };
    const seedMembers = async (members: string[], phone: string) => {
      for (const member of members)
        await seedContact(database.dataSource, member, { phone, channelOrder: ['sms'] }, { sms: 'granted' });
    };

    /** Each step's attempt is sent and holds its own copy: as many copies at the sink as steps. */
    async function expectOneCopyEach(phone: string, stepKeys: string[]): Promise<void> {
      const sunk = providers.sms.messages().filter((sms) => sms.to === phone);
      const attempts = (await Promise.all(stepKeys.map(attemptsOf))).flat();
      expect(attempts.map((attempt) => attempt.status)).toEqual(['sent', 'sent']);
      expect(sunk).toHaveLength(2);
      expect(new Set(sunk.map((sms) => sms.body)).size).toBe(1);
      expect(attempts.map((attempt) => attempt.providerMessageId).sort()).toEqual(
        sunk.map((sms) => sms.sid).sort(),
      );
    }

    test("[HZ-82] a retry after a 500 sends again rather than taking the other journey's message", async () => {
      const phone = '+15555550311';
      const { requests, seed } = household(phone, '500');
      await seed();
      await deliver(requests[0]!);
      providers.sms.failNext('server-error');

      await expect(deliver(requests[1]!)).rejects.toThrow();
      const retried = await deliver(requests[1]!);

      expect(retried).toMatchObject({ outcome: 'sent', channel: 'sms' });
      await expectOneCopyEach(
        phone,
        requests.map((sent) => sent.stepKey),
      );
    });

    test('[HZ-82] a retry after a lost answer takes its own message, not the one sent since for the other journey', async () => {
      const phone = '+15555550312';
      const { requests, seed } = household(phone, 'lost');
      await seed();
      providers.sms.failNext('drop-response');
      await expect(deliver(requests[1]!)).rejects.toThrow();
      await deliver(requests[0]!);

      const retried = await deliver(requests[1]!);

      expect(retried).toMatchObject({ outcome: 'sent', channel: 'sms', alreadySent: true });
      await expectOneCopyEach(
        phone,
        requests.map((sent) => sent.stepKey),
      );
    });
  });

  test('a step delivered before answers as sent on every later try, even after the consent is revoked', async () => {
    const email = 'repeat@patients.test';
    await seedContact(
      database.dataSource,
      'ref-repeat',
      { email, channelOrder: ['email'] },
      { email: 'granted' },
    );
    const first = await deliver(request('ref-repeat', 'once'));
    await seedContact(
      database.dataSource,
      'ref-repeat',
      { email, channelOrder: ['email'] },
      { email: 'revoked' },
    );
    const again = await deliver(request('ref-repeat', 'once'));

    expect(first).toMatchObject({ outcome: 'sent', alreadySent: false });
    expect(again).toMatchObject({
      outcome: 'sent',
      alreadySent: true,
      messageId: (first as { messageId: string }).messageId,
    });
    expect(providers.smtp.messages().filter((mail) => mail.to.includes(email))).toHaveLength(1);
  });

  test('[HZ-86] urgent clinical messages are not held by the daily cap, and are labelled urgent', async () => {
    const email = 'capped@patients.test';
    await seedContact(
      database.dataSource,
      'ref-capped',
      { email, channelOrder: ['email'] },
      { email: 'granted' },
    );
    await deliver(request('ref-capped', 'one'));
    await deliver(request('ref-capped', 'two'));

    expect(await deliver(request('ref-capped', 'three'))).toMatchObject({
      outcome: 'deferred',
      reason: 'daily-cap',
    });
    expect(await deliver(request('ref-capped', 'urgent', { urgent: true }))).toMatchObject({
      outcome: 'sent',
    });
    const [urgent] = await attemptsOf('journey-under-test/urgent');
    expect(urgent.urgent).toBe(true);
  });

  test('[HZ-80] no consent on file means no email and no SMS; the portal needs an account', async () => {
    await seedContact(
      database.dataSource,
      'ref-no-consent',
      {
        email: 'x@patients.test',
        phone: '+15555550303',
        portalEnabled: false,
        channelOrder: ['email', 'sms', 'portal'],
      },
      {},
    );
    expect(await deliver(request('ref-no-consent', 'any'))).toEqual({
      outcome: 'unreachable',
      reasons: { email: 'no consent on file', sms: 'no consent on file', portal: 'no address on file' },
    });
  });

  test('[HZ-87] an email carries the wording for the patient language, and a working one-click unsubscribe header', async () => {
    const email = 'lucia@patients.test';
    await seedContact(
      database.dataSource,
      'ref-spanish',
      { email, language: 'es', channelOrder: ['email'] },
      { email: 'granted' },
    );
    await deliver(request('ref-spanish', 'es'));

    const [mail] = providers.smtp.messages().filter((captured) => captured.to.includes(email));
    expect(mail.text).toContain('https://book.example.org/flu');
    expect(mail.html).toContain('href="https://book.example.org/flu"');
    expect(String(mail.headers['list-unsubscribe'] ?? '')).toMatch(/\/api\/engagement\/unsubscribe\?token=/);
    const [attempt] = await attemptsOf('journey-under-test/es');
    expect(attempt).toMatchObject({ language: 'es', templateFile: expect.stringContaining('.es.') });
  });

  describe('wording written in a journey definition (inline), not in files', () => {
    const wording = {
      texts: {
        en: {
          plain: {
            any: 'Time for your screening. Book at {{schedulingUrl}}.',
            sms: 'Book: {{schedulingUrl}}',
          },
        },
        es: { plain: { any: 'Es hora de su prueba. Reserve en {{schedulingUrl}}.' } },
      },
      languages: ['en', 'es'],
    };
    const inline = (patientRef: string, step: string, extra: Partial<DeliveryRequest> = {}) =>
      request(patientRef, step, { template: 'screening-invitation', wording, ...extra });

    test('is rendered in the patient language (email: layout and unsubscribe), logged by key and variant, and sent once', async () => {
      const email = 'inline-es@patients.test';
      await seedContact(
        database.dataSource,
        'ref-inline-es',
        { email, language: 'es-MX', channelOrder: ['email'] },
        { email: 'granted' },
      );
      const first = await deliver(inline('ref-inline-es', 'invite'));
      const again = await deliver(inline('ref-inline-es', 'invite'));

      expect(first).toMatchObject({ outcome: 'sent', channel: 'email', alreadySent: false });
      expect(again).toMatchObject({ outcome: 'sent', alreadySent: true });
      const mails = providers.smtp.messages().filter((captured) => captured.to.includes(email));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('Es hora de su prueba. Reserve en https://book.example.org/flu.');
      expect(mails[0]!.html).toContain('href="https://book.example.org/flu"');
      expect(String(mails[0]!.headers['list-unsubscribe'] ?? '')).toMatch(/unsubscribe\?token=/);
      const [attempt] = await attemptsOf('journey-under-test/invite');
      expect(attempt).toMatchObject({
        template: 'screening-invitation',
        language: 'es',
        templateFile: 'inline:screening-invitation.es.plain.any',
      });
    });

    test("uses the channel's own text, and the definition's default language for a language it lacks", async () => {
      const phone = '+15555550477';
      await seedContact(
        database.dataSource,
        'ref-inline-fr',
        { phone, language: 'fr', portalEnabled: false, channelOrder: ['sms'] },
        { sms: 'granted' },
      );
      expect(await deliver(inline('ref-inline-fr', 'invite-fr'))).toMatchObject({
        outcome: 'sent',
        channel: 'sms',
      });
      const texts = providers.sms.messages().filter((sms) => sms.to === phone);
      expect(texts.map((sms) => sms.body)).toEqual(['Book: https://book.example.org/flu']);
    });

    test('keeps consent, quiet hours and the daily cap, and fails loudly on a value the journey did not pass', async () => {
      await seedContact(
        database.dataSource,
        'ref-inline-policy',
        { email: 'inline-policy@patients.test', channelOrder: ['email'], timeZone: 'UTC' },
        { email: 'granted' },
      );
      await seedContact(
        database.dataSource,
        'ref-inline-none',
        { portalEnabled: false, channelOrder: ['email', 'sms'] },
        {},
      );
      expect(await deliver(inline('ref-inline-none', 'invite-none'))).toMatchObject({
        outcome: 'unreachable',
      });
      expect(
        await deliver(inline('ref-inline-policy', 'inline-night', { at: '2026-05-04T23:30:00.000Z' })),
      ).toMatchObject({ outcome: 'deferred', reason: 'quiet-hours' });
      await deliver(inline('ref-inline-policy', 'inline-one'));
      await deliver(inline('ref-inline-policy', 'inline-two'));
      expect(await deliver(inline('ref-inline-policy', 'inline-three'))).toMatchObject({
        outcome: 'deferred',
        reason: 'daily-cap',
      });
      await expect(
        deliver(inline('ref-inline-policy', 'no-values', { values: {}, urgent: true })),
      ).rejects.toMatchObject({ type: 'TemplateRenderFailed', nonRetryable: true });
    });
  });

  test('[HZ-28] a patient the EHR records as deceased gets nothing on any channel; the living are sent to', async () => {
    const phone = '+15555550399';
    const email = 'deceased-check@patients.test';
    for (const ref of ['ref-deceased', 'ref-alive']) {
      await seedContact(
        database.dataSource,
        ref,
        { phone, email, channelOrder: ['sms', 'email', 'portal'] },
        { sms: 'granted', email: 'granted' },
      );
    }
    const before = providers.sms.messages().length + providers.smtp.messages().length;

    for (const channel of ['sms', 'email', 'portal'] as const) {
      const result = await deliverWithEhr(
        request('ref-deceased', `deceased-${channel}`, { patientId: 'pat-deceased', channel }),
      );
      expect(result).toEqual({ outcome: 'deceased' });
      expect(await attemptsOf(`journey-under-test/deceased-${channel}`)).toHaveLength(0);
    }
    expect(providers.sms.messages().length + providers.smtp.messages().length).toBe(before);

    const alive = await deliverWithEhr(request('ref-alive', 'alive', { patientId: 'pat-alive' }));
    expect(alive).toMatchObject({ outcome: 'sent', channel: 'sms' });
  });
});
