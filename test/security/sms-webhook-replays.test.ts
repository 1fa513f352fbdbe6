import request from 'supertest';
import twilio from 'twilio';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { SMS_INBOUND_PATH, SMS_STATUS_PATH } from '../../shared/engagement/delivery-links';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { SINK_AUTH_TOKEN } from '../helpers/engagement-sandbox';

/*
 * Security regressions (issue "Secure by default", finding 4): SMS webhooks are signed, but a
 * signed request can be captured and sent again. A replayed STOP must not revoke consent the
 * patient gave back since; a replayed callback must not add events; a late failure must not
 * reopen a delivered message.
 */
describe('security: replayed SMS webhooks change nothing', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });

  /** A webhook signed as the provider signs it: what an attacker who captured one holds. */
  const signedPost = (path: string, form: Record<string, string>) =>
    api()
      .post(path)
      .type('form')
      .set(
        'X-Twilio-Signature',
        twilio.getExpectedTwilioSignature(SINK_AUTH_TOKEN, `${stack.config.publicBaseUrl}${path}`, form),
      )
      .send(form);

  const smsConsentOf = async (patientId: string) =>
    (
      await api().get(`/api/patients/${patientId}/contact`).set(as('operator')).expect(200)
    ).body.consents.find((consent: { channel: string }) => consent.channel === 'sms')?.status;

  test('[HZ-91] a captured STOP replayed after the patient texted START leaves SMS consent granted', async () => {
    const phone = '+15555550611';
    await api()
      .put('/api/patients/pat-replay-stop/contact')
      .set(as('integration'))
      .send({ phone })
      .expect(200);
    const stop = { MessageSid: `SM${'a'.repeat(32)}`, From: phone, Body: 'STOP' };
    const start = { MessageSid: `SM${'b'.repeat(32)}`, From: phone, Body: 'START' };

    await signedPost(SMS_INBOUND_PATH, stop).expect(200);
    expect(await smsConsentOf('pat-replay-stop')).toBe('revoked');
    await signedPost(SMS_INBOUND_PATH, start).expect(200);
    expect(await smsConsentOf('pat-replay-stop')).toBe('granted');

    await signedPost(SMS_INBOUND_PATH, stop).expect(200);
    expect(await smsConsentOf('pat-replay-stop')).toBe('granted');
  });

  test('[HZ-92] a delivered callback replayed three times is one event; a late failure does not reopen the message', async () => {
    await api()
      .put('/api/patients/pat-replay-status/contact')
      .set(as('integration'))
      .send({ phone: '+15555550612', channelOrder: ['sms'] })
      .expect(200);
    await api()
      .put('/api/patients/pat-replay-status/consents/sms')
      .set(as('integration'))
      .send({ status: 'granted' });
    const started = await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({ journey: 'preventive-outreach', patientId: 'pat-replay-status', params: { item: 'flu-shot' } })
      .expect(201);
    const messagesOf = async () =>
      (await api().get(`/api/journeys/${started.body.id}/messages`).set(as('operator')).expect(200)).body;
    const [message] = await eventually(messagesOf, (messages) => messages[0]?.status === 'delivered');
    const row = await stack.database.dataSource
      .getRepository(OutreachMessage)
      .findOneByOrFail({ id: message.id });
    const callback = { MessageSid: row.providerMessageId!, MessageStatus: 'delivered' };

    for (let replay = 0; replay < 3; replay++) await signedPost(SMS_STATUS_PATH, callback).expect(204);
    await signedPost(SMS_STATUS_PATH, { ...callback, MessageStatus: 'failed', ErrorCode: '30003' }).expect(
      204,
    );

    const [after, ...others] = await messagesOf();
    expect(others).toEqual([]);
    expect(after.status).toBe('delivered');
    const providerDelivered = after.events.filter(
      (event: { source: string; status: string }) =>
        event.source === 'provider' && event.status === 'delivered',
    );
    expect(providerDelivered).toHaveLength(1);
  });
});
