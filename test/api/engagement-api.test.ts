import request from 'supertest';
import { ChannelConsent } from '../../persistence/entities/channel-consent.entity';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * The engagement layer over HTTP on the dev server, with the worker delivering to a real SMTP
 * server and a Twilio-speaking SMS endpoint that posts its signed callbacks back to the API.
 */
describe('engagement over HTTP', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });

  async function enrol(
    patientId: string,
    contact: Record<string, unknown>,
    consents: Record<string, string>,
  ) {
    await api().put(`/api/patients/${patientId}/contact`).set(as('integration')).send(contact).expect(200);
    for (const [channel, status] of Object.entries(consents)) {
      await api()
        .put(`/api/patients/${patientId}/consents/${channel}`)
        .set(as('integration'))
        .send({ status })
        .expect(200);
    }
    const started = await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
      .expect(201);
    return started.body.id as string;
  }
  const messagesOf = (journeyId: string) =>
    api()
      .get(`/api/journeys/${journeyId}/messages`)
      .set(as('operator'))
      .expect(200)
      .then((response) => response.body);
  const timelineOf = (journeyId: string) =>
    api()
      .get(`/api/journeys/${journeyId}`)
      .set(as('operator'))
      .expect(200)
      .then((response) =>
        (response.body.timeline as Array<{ summary: string }>).map((entry) => entry.summary),
      );

  test('contact and consent: saved, read back, and bad input refused with the field named', async () => {
    const saved = await api()
      .put('/api/patients/pat-contact/contact')
      .set(as('integration'))
      .send({
        email: 'a@patients.test',
        phone: '+48601000333',
        timeZone: 'Europe/Warsaw',
        channelOrder: ['sms', 'email'],
      })
      .expect(200);
    expect(saved.body.contact).toMatchObject({
      phone: '+48601000333',
      language: 'en',
      readingLevel: 'plain',
    });

    const bad = await api()
      .put('/api/patients/pat-contact/contact')
      .set(as('integration'))
      .send({
        phone: '0601 000 333',
        timeZone: 'Mars/Olympus',
        channelOrder: ['pigeon'],
        quietHours: { sms: { start: '25:00', end: '08:00' } },
      })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'channelOrder',
      'phone',
      'timeZone',
    ]);
    const badHours = await api()
      .put('/api/patients/pat-contact/contact')
      .set(as('integration'))
      .send({ quietHours: { sms: { start: '25:00', end: '08:00' } } })
      .expect(400);
    expect(badHours.body.errors).toEqual([
      { field: 'quietHours.sms', message: expect.stringContaining('24-hour') },
    ]);

    await api()
      .put('/api/patients/pat-contact/consents/fax')
      .set(as('integration'))
      .send({ status: 'granted' })
      .expect(400);
    await api()
      .put('/api/patients/pat-contact/consents/sms')
      .set(as('integration'))
      .send({ status: 'maybe' })
      .expect(400);
    await api().put('/api/patients/pat-contact/consents/sms').send({ status: 'granted' }).expect(401);
    await api()
      .put('/api/patients/pat-contact/consents/sms')
      .set(as('designer'))
      .send({ status: 'granted' })
      .expect(403);
    await api()
      .put('/api/patients/pat-contact/consents/sms')
      .set(as('operator'))
      .send({ status: 'granted', source: 'ehr' })
      .expect(200);
    const read = await api().get('/api/patients/pat-contact/contact').set(as('operator')).expect(200);
    expect(read.body.consents).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'granted', source: 'ehr' }),
    ]);
  });

  test("the provider's signed status callbacks show in the outreach log; a forged one is refused and changes nothing", async () => {
    const journeyId = await enrol(
      'pat-sms',
      { phone: '+15555550401', channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    const [delivered] = await eventually(
      () => messagesOf(journeyId),
      (messages) => messages[0]?.status === 'delivered',
    );
    expect(delivered).toMatchObject({
      channel: 'sms',
      template: 'preventive-outreach.flu-shot.call-to-action',
      status: 'delivered',
    });
    // The provider's first callback may overtake its answer to the send: only the set is fixed.
    expect(
      delivered.events
        .map((event: { status: string; source: string }) => `${event.source}:${event.status}`)
        .sort(),
    ).toEqual(['delivery:sending', 'delivery:sent', 'provider:delivered', 'provider:sent']);

    const row = await stack.database.dataSource
      .getRepository(OutreachMessage)
      .findOneByOrFail({ id: delivered.id });
    await api()
      .post('/api/engagement/sms/status')
      .type('form')
      .set('X-Twilio-Signature', 'forged')
      .send({ MessageSid: row.providerMessageId!, MessageStatus: 'failed', ErrorCode: '30003' })
      .expect(403);
    expect((await messagesOf(journeyId))[0].status).toBe('delivered');

    const perPatient = await api().get('/api/patients/pat-sms/messages').set(as('operator')).expect(200);
    expect(perPatient.body.map((message: { id: string }) => message.id)).toEqual([delivered.id]);
  });

  test("callbacks that overtake the provider's answer to the send still reach their message", async () => {
    stack.providers.sms.failNext('late-response');
    const journeyId = await enrol(
      'pat-fast-carrier',
      { phone: '+15555550402', channelOrder: ['sms'] },
      { sms: 'granted' },
    );

    const [message] = await eventually(
      () => messagesOf(journeyId),
      (messages) => messages[0]?.sentAt != null,
    );
    // Delivered was reported before the send was recorded as sent, and recording it did not undo that.
    expect(message.status).toBe('delivered');
    const statuses = message.events.map(
      (event: { status: string; source: string }) => `${event.source}:${event.status}`,
    );
    expect(statuses.indexOf('provider:delivered')).toBeLessThan(statuses.indexOf('delivery:sent'));
    const row = await stack.database.dataSource
      .getRepository(OutreachMessage)
      .findOneByOrFail({ id: message.id });
    expect(row.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  test('an SMS reported undelivered after it left is sent again on the next channel', async () => {
    const journeyId = await enrol(
      'pat-landline',
      { phone: '+15005550006', email: 'landline@patients.test', channelOrder: ['sms', 'email'] },
      { sms: 'granted', email: 'granted' },
    );
    const messages = await eventually(
      () => messagesOf(journeyId),
      (list) =>
        list.some(
          (message: { channel: string; status: string }) =>
            message.channel === 'email' && message.status === 'sent',
        ),
    );
    expect(
      messages.map((message: { channel: string; status: string }) => [message.channel, message.status]),
    ).toEqual([
      ['email', 'sent'],
      ['sms', 'failed'],
    ]);
    expect(
      stack.providers.smtp.messages().filter((mail) => mail.to.includes('landline@patients.test')),
    ).toHaveLength(1);
    expect(await timelineOf(journeyId)).toContainEqual(
      expect.stringContaining('The sms message was not delivered'),
    );
  });

  test("the email's unsubscribe link asks first, then revokes email consent for every journey", async () => {
    const journeyId = await enrol(
      'pat-unsub',
      { email: 'unsub@patients.test', channelOrder: ['email'] },
      { email: 'granted' },
    );
    await eventually(
      () => messagesOf(journeyId),
      (messages) => messages.length > 0,
    );
    const mail = await eventually(
      async () =>
        stack.providers.smtp.messages().find((captured) => captured.to.includes('unsub@patients.test')),
      (found) => found !== undefined,
    );
    const link = new URL(
      /https?:\/\/\S+\/api\/engagement\/unsubscribe\?token=[\w.-]+/.exec(mail!.text ?? '')![0],
    );
    const path = `${link.pathname}${link.search}`;

    const page = await api().get(path).expect(200);
    expect(page.text).toContain('<form method="post"');
    const consents = () =>
      stack.database.dataSource
        .getRepository(ChannelConsent)
        .findBy({ channel: 'email', source: 'email-unsubscribe' });
    expect(await consents()).toHaveLength(0);

    await api().post(path).type('form').send({ 'List-Unsubscribe': 'One-Click' }).expect(200);
    expect(await consents()).toEqual([expect.objectContaining({ status: 'revoked' })]);
    await api()
      .post(`${path.slice(0, -3)}xyz`)
      .expect(400);
  });

  test('a call in the staff queue is claimed once, completed with its outcome, and the journey hears of it', async () => {
    const journeyId = await enrol('pat-no-channel', { channelOrder: ['email', 'sms'] }, {});
    const [task] = await eventually(
      () =>
        api()
          .get('/api/staff-tasks')
          .query({ journeyId })
          .set(as('operator'))
          .then((response) => response.body.items as Array<{ id: string }>),
      (tasks) => tasks.length > 0,
    );
    expect(task).toMatchObject({ kind: 'call', status: 'open' });

    await api()
      .post(`/api/staff-tasks/${task.id}/claim`)
      .set(as('operator'))
      .send({ assignee: 'nurse.a' })
      .expect(200);
    const taken = await api()
      .post(`/api/staff-tasks/${task.id}/claim`)
      .set(as('operator'))
      .send({ assignee: 'nurse.b' })
      .expect(409);
    expect(taken.body.message).toContain('claimed by nurse.a');
    await api()
      .post(`/api/staff-tasks/${task.id}/complete`)
      .set(as('operator'))
      .send({ outcome: 'Reached!' })
      .expect(400);

    const done = await api()
      .post(`/api/staff-tasks/${task.id}/complete`)
      .set(as('operator'))
      .send({ outcome: 'reached', note: 'will book online' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'reached', journeyTold: true });
    await api()
      .post(`/api/staff-tasks/${task.id}/complete`)
      .set(as('operator'))
      .send({ outcome: 'reached' })
      .expect(409);
    const timeline = await eventually(
      () => timelineOf(journeyId),
      (lines) => lines.some((line) => line.startsWith('Staff task done')),
    );
    expect(timeline).toContainEqual('Staff task done (call): reached (will book online)');
  });

  test('the portal reads its inbox and marks a message read, which the journey counts as a response', async () => {
    const journeyId = await enrol('pat-portal', { portalEnabled: true, channelOrder: ['portal'] }, {});
    const inbox = await eventually(
      () =>
        api()
          .get('/api/patients/pat-portal/inbox')
          .set(as('integration'))
          .then((response) => response.body),
      (messages) => messages.length > 0,
    );
    expect(inbox[0]).toMatchObject({ channel: 'portal', status: 'sent', subject: expect.any(String) });
    await api().get('/api/patients/pat-portal/inbox').set(as('operator')).expect(403);

    await api().post(`/api/patients/pat-portal/inbox/${inbox[0].id}/read`).set(as('integration')).expect(204);
    await api().post(`/api/patients/pat-other/inbox/${inbox[0].id}/read`).set(as('integration')).expect(404);
    expect((await messagesOf(journeyId))[0].status).toBe('read');
    const timeline = await eventually(
      () => timelineOf(journeyId),
      (lines) => lines.includes('The patient responded (portal)'),
    );
    expect(timeline).toContain('The patient responded (portal)');
  });
});
