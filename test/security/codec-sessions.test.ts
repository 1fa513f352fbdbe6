import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import request from 'supertest';
import { AuditEvent } from '../../persistence/entities/audit-event.entity';
import { CODEC_SESSION_COOKIE } from '../../api/codec/codec-session';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { TEST_PSEUDONYM_KEY } from '../helpers/engagement-sandbox';

/*
 * Security regressions (issue "Secure by default", finding 6): codec sessions decrypt patient
 * data, so they are revocable on the server, always expire, name their operator from the key
 * registry (never from the token), and every encode and decode is audited.
 */
describe('security: codec sessions', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  /** A payload as the Web UI sends one; its content does not matter to the session checks. */
  const plain = {
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from('1').toString('base64'),
  };
  const openSession = async () => {
    const opened = await api()
      .post('/api/codec/session')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(204);
    return String(opened.headers['set-cookie']).split(';')[0]!;
  };
  const encodeWith = (cookie: string) =>
    api()
      .post('/api/codec/encode')
      .set('Cookie', cookie)
      .send({ payloads: [plain] });
  /** What someone holding the installation's secret could sign: the session key is derived from it. */
  const sessionKey = createHmac('sha256', TEST_PSEUDONYM_KEY).update('carepath codec session v2').digest();
  const jtiOf = (cookie: string) =>
    JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[1]!, 'base64url').toString('utf8')).jti as string;

  test('a closed session stops decoding for every copy of its cookie', async () => {
    const cookie = await openSession();
    await encodeWith(cookie).expect(200);
    await api().delete('/api/codec/session').set('Cookie', cookie).expect(204);
    await encodeWith(cookie).expect(401);
  });

  test('a token without an expiry is refused, even for a real session', async () => {
    const jti = jtiOf(await openSession());
    const noExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(jti)
      .setAudience('carepath-codec')
      .sign(sessionKey);
    await encodeWith(`${CODEC_SESSION_COOKIE}=${noExpiry}`).expect(401);
  });

  test('the audit trail names the operator from the key registry, not a name inside the token', async () => {
    const jti = jtiOf(await openSession());
    const forgedName = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(jti)
      .setSubject('someone-else\r\nX-Injected: 1')
      .setAudience('carepath-codec')
      .setExpirationTime('1h')
      .sign(sessionKey);
    await encodeWith(`${CODEC_SESSION_COOKIE}=${forgedName}`).expect(200);
    const [row] = await stack.database.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'payload.encode' }, order: { id: 'DESC' }, take: 1 });
    expect(row).toMatchObject({ actorRole: 'operator', actorName: 'dev-operator' });
  });

  test('every encode and decode writes an audit row, with the journey when the caller names it', async () => {
    const journeyId = `appointment-reminder-${'c'.repeat(32)}`;
    const before = await stack.database.dataSource.getRepository(AuditEvent).count();
    await api()
      .post(`/api/codec/encode?journeyId=${journeyId}`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ payloads: [plain] })
      .expect(200);
    const rows = await stack.database.dataSource.getRepository(AuditEvent).find({
      order: { id: 'DESC' },
      take: (await stack.database.dataSource.getRepository(AuditEvent).count()) - before,
    });
    expect(rows).toEqual([expect.objectContaining({ action: 'payload.encode', journeyId })]);
  });
});
