import request from 'supertest';
import twilio from 'twilio';
import { AuditEvent } from '../../persistence/entities/audit-event.entity';
import { SMS_INBOUND_PATH } from '../../shared/engagement/delivery-links';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { SINK_AUTH_TOKEN } from '../helpers/engagement-sandbox';

/*
 * Security regressions (issue "Secure by default", finding 7): failed authentication is audited,
 * and rows of calls that named no patient id (a journey read, a STOP) still say which patient.
 */
describe('security: the audit trail has no gaps', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const rows = () => stack.database.dataSource.getRepository(AuditEvent);
  const newest = async (action: string) =>
    (await rows().find({ where: { action }, order: { id: 'DESC' }, take: 1 }))[0];
  const settled = () => new Promise((resolve) => setTimeout(resolve, 200));
  const refOf = (patientId: string) => patientRefFor(patientId, stack.config.pseudonymKey);

  test('a call without a valid key is audited and never in anyone’s name', async () => {
    await api().get('/api/journeys').expect(401);
    await settled();
    expect(await newest('auth.failed')).toMatchObject({
      actorRole: 'unauthenticated',
      actorName: 'no-credentials',
      route: '/api/journeys',
      outcomeStatus: 401,
    });
    await api().post('/api/journeys').set('Authorization', 'Bearer guessed-key').send({}).expect(401);
    await settled();
    expect(await newest('auth.failed')).toMatchObject({ actorName: 'invalid-key', method: 'POST' });
  });

  test('a journey read names its patient by reference; the auditor finds it by patient id', async () => {
    const started = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'appointment-reminder',
        patientId: 'pat-audit-read',
        params: { appointmentAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      })
      .expect(201);
    await api().get(`/api/journeys/${started.body.id}`).set('Authorization', DEMO_KEYS.operator).expect(200);
    expect(await newest('journey.read')).toMatchObject({
      journeyId: started.body.id,
      patientRef: refOf('pat-audit-read'),
    });

    const trail = await api()
      .get('/api/audit-events?patientId=pat-audit-read')
      .set('Authorization', DEMO_KEYS.auditor)
      .expect(200);
    expect(trail.body.items.map((item: { action: string }) => item.action)).toEqual(
      expect.arrayContaining(['journey.start', 'journey.read']),
    );
  });

  test('a STOP names every patient it changed, one row each', async () => {
    const phone = '+15555550711';
    for (const patientId of ['pat-audit-stop-1', 'pat-audit-stop-2']) {
      await api()
        .put(`/api/patients/${patientId}/contact`)
        .set('Authorization', DEMO_KEYS.integration)
        .send({ phone })
        .expect(200);
    }
    const form = { MessageSid: `SM${'e'.repeat(32)}`, From: phone, Body: 'STOP' };
    await api()
      .post(SMS_INBOUND_PATH)
      .type('form')
      .set(
        'X-Twilio-Signature',
        twilio.getExpectedTwilioSignature(
          SINK_AUTH_TOKEN,
          `${stack.config.publicBaseUrl}${SMS_INBOUND_PATH}`,
          form,
        ),
      )
      .send(form)
      .expect(200);
    const stops = await rows().find({ where: { action: 'patient.sms.inbound' } });
    expect(stops.map((row) => row.patientRef).sort()).toEqual(
      [refOf('pat-audit-stop-1'), refOf('pat-audit-stop-2')].sort(),
    );
  });
});
