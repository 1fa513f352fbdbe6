import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import request from 'supertest';
import { ENCRYPTED_ENCODING } from '../../shared/payload-encryption/aes-gcm-payload-codec';
import { CODEC_SESSION_COOKIE } from '../../api/codec/codec-session';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

const WEB_UI_ORIGIN = 'http://localhost:8233';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Payloads as the Web UI sends them: protobuf JSON, bytes in base64. */
const asJson = (payload: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value ?? []).toString('base64'),
    ]),
  ),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});
const metadataOf = (payload: { metadata: Record<string, string> }, key: string) =>
  Buffer.from(payload.metadata[key] ?? '', 'base64').toString('utf8');
const valueOf = (payload: { data: string }) =>
  JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8'));

describe('codec server for the Temporal Web UI (real API, worker, dev server)', () => {
  let stack: ApiStack;
  let startInput: Payload;
  let patientId: string;

  beforeAll(async () => {
    stack = await startApiStack({ TEMPORAL_WEB_UI_URL: WEB_UI_ORIGIN });
    patientId = uniqueName('pat');
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'appointment-reminder',
        patientId,
        params: { appointmentAt: inDays(3), timeZone: 'Europe/Warsaw' },
      })
      .expect(201);
    const history = await stack.temporal.workflow.getHandle(body.id as string).fetchHistory();
    startInput = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const decode = (payloads: Payload[]) =>
    api()
      .post('/api/codec/decode')
      .send({ payloads: payloads.map(asJson) });

  test('the Temporal server holds the journey input encrypted, with the key id beside it', () => {
    const stored = asJson(startInput);
    expect(metadataOf(stored, METADATA_ENCODING_KEY)).toBe(ENCRYPTED_ENCODING);
    expect(metadataOf(stored, 'encryption-key-id')).toBe('test-2026b');
    expect(Buffer.from(startInput.data!).toString('latin1')).not.toContain('appointment-reminder');
  });

  test('an operator decodes it to the journey input', async () => {
    const { body } = await decode([startInput]).set('Authorization', DEMO_KEYS.operator).expect(200);
    expect(metadataOf(body.payloads[0], METADATA_ENCODING_KEY)).toBe('json/plain');
    expect(valueOf(body.payloads[0])).toMatchObject({ params: { timeZone: 'Europe/Warsaw' } });
  });

  test('nobody else decodes: no credential 401, other roles 403', async () => {
    await decode([startInput]).expect(401);
    await decode([startInput]).set('Authorization', 'Bearer not-a-key').expect(401);
    for (const role of ['designer', 'integration'] as const) {
      const refused = await decode([startInput]).set('Authorization', DEMO_KEYS[role]).expect(403);
      expect(refused.body.message).toBe(`The ${role} role may not do this.`);
    }
  });

  test('encode then decode gives back what an operator typed in the Web UI', async () => {
    const typed = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('{"outcome":"reached"}').toString('base64'),
    };
    const encoded = await api()
      .post('/api/codec/encode')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ payloads: [typed] })
      .expect(200);
    expect(metadataOf(encoded.body.payloads[0], METADATA_ENCODING_KEY)).toBe(ENCRYPTED_ENCODING);
    const decoded = await api()
      .post('/api/codec/decode')
      .set('Authorization', DEMO_KEYS.operator)
      .send(encoded.body)
      .expect(200);
    expect(valueOf(decoded.body.payloads[0])).toEqual({ outcome: 'reached' });
  });

  test('malformed bodies and payloads no configured key opens are 400s that say why', async () => {
    const notProtocol = await api()
      .post('/api/codec/decode')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ payload: [] })
      .expect(400);
    expect(notProtocol.body.message).toMatch(/Expected \{"payloads"/);
    const badBase64 = await api()
      .post('/api/codec/decode')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ payloads: [{ data: 'not base64!' }] })
      .expect(400);
    expect(badBase64.body.errors).toEqual([{ field: 'payloads.0.data', message: 'must be base64' }]);

    const retired = asJson(startInput);
    retired.metadata['encryption-key-id'] = Buffer.from('retired-2024').toString('base64');
    const unknownKey = await api()
      .post('/api/codec/decode')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ payloads: [retired] })
      .expect(400);
    expect(unknownKey.body.message).toBe(
      'Cannot decode: payload encrypted with key "retired-2024", which is not among PAYLOAD_ENCRYPTION_KEYS.',
    );
  });

  test('the Web UI origin may call it with credentials; other origins get no CORS grant', async () => {
    const preflight = await api()
      .options('/api/codec/decode')
      .set('Origin', WEB_UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(WEB_UI_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Namespace/i);

    const elsewhere = await api()
      .options('/api/codec/decode')
      .set('Origin', 'http://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
    const otherRoute = await api()
      .options('/api/journeys')
      .set('Origin', WEB_UI_ORIGIN)
      .set('Access-Control-Request-Method', 'GET');
    expect(otherRoute.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('an operator opens a codec session: an HttpOnly cookie for /api/codec that decodes until it is closed', async () => {
    await api().post('/api/codec/session').set('Authorization', DEMO_KEYS.designer).expect(403);
    const opened = await api()
      .post('/api/codec/session')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(204);
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(
      new RegExp(
        `^${CODEC_SESSION_COOKIE}=[^;]+; Max-Age=28800; Path=/api/codec; Expires=[^;]+; HttpOnly; SameSite=Strict$`,
      ),
    );
    const cookie = setCookie.split(';')[0]!;

    const { body } = await decode([startInput])
      .set('Origin', WEB_UI_ORIGIN)
      .set('Cookie', cookie)
      .expect(200);
    expect(valueOf(body.payloads[0])).toMatchObject({ params: { timeZone: 'Europe/Warsaw' } });
    await decode([startInput]).set('Cookie', `${CODEC_SESSION_COOKIE}=forged.token.value`).expect(401);
    // The cookie is the codec's only: every other route still wants an API key.
    await api().get('/api/journeys').set('Cookie', cookie).expect(401);

    const closed = await api().delete('/api/codec/session').set('Cookie', cookie).expect(204);
    expect(String(closed.headers['set-cookie'])).toMatch(
      new RegExp(`^${CODEC_SESSION_COOKIE}=; Path=/api/codec; Expires=Thu, 01 Jan 1970`),
    );
  });
});
