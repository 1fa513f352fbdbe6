import { createServer, type Server } from 'node:http';
import { PLAY_INBOUND_PATH, startSmsSink, type SmsSink } from '../../scripts/dev-stack/sms-sink';
import { NotSentError, type ChannelAdapter, type OutboundMessage } from '../channel-adapter';
import { loadSmsSettings } from './sms-settings';
import { createTwilioSmsAdapter } from './twilio-sms-adapter';
import { verifyTwilioSignature } from './twilio-webhook-signature';

const ACCOUNT_SID = `AC${'0'.repeat(31)}7`;
const AUTH_TOKEN = 'sms-adapter-test-token';
const FROM = '+15005550006';

interface ReceivedWebhook {
  url: string;
  signature: string | undefined;
  params: Record<string, string>;
}

/** A stand-in for the API's webhook endpoints: it keeps every form post it receives. */
async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  stop(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({
        url: `${url}${request.url === '/' ? '' : request.url}`,
        signature: request.headers['x-twilio-signature'] as string | undefined,
        params: Object.fromEntries(new URLSearchParams(body)),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function eventually<T>(read: () => T | undefined, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let step = 0;
function sms(to: string, text = `Your appointment is tomorrow at 9:00 (${++step}).`): OutboundMessage {
  return { messageId: `msg-${step}`, idempotencyKey: `journey/step-${step}`, to, content: { text } };
}

describe(createTwilioSmsAdapter.name, () => {
  let sink: SmsSink;
  let webhooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let adapter: ChannelAdapter;
  const sinkEnv = () => ({
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: FROM,
    TWILIO_API_BASE_URL: sink.baseUrl,
  });

  beforeAll(async () => {
    webhooks = await startWebhookReceiver();
    sink = await startSmsSink({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      inboundWebhookUrl: `${webhooks.url}/inbound`,
    });
    adapter = createTwilioSmsAdapter(loadSmsSettings(sinkEnv()));
  });

  afterAll(async () => {
    await sink.stop();
    await webhooks.stop();
  });

  test('a sent SMS reaches the API with To, From and Body, under the account credentials', async () => {
    const message = sms('+15555550100');

    const outcome = await adapter.send(message);

    const received = await sink.waitFor((candidate) => candidate.to === '+15555550100');
    expect(received).toMatchObject({ from: FROM, body: message.content.text, numSegments: 1 });
    expect(outcome).toEqual({ status: 'sent', providerMessageId: received.sid, providerStatus: 'queued' });
    expect(received.sid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  test('wrong credentials are refused (401) before anything is created: NotSentError', async () => {
    const wrongToken = createTwilioSmsAdapter(
      loadSmsSettings({ ...sinkEnv(), TWILIO_AUTH_TOKEN: 'not-the-token' }),
    );

    const sending = wrongToken.send(sms('+15555550101'));

    await expect(sending).rejects.toBeInstanceOf(NotSentError);
    await expect(sending).rejects.toMatchObject({ cause: { status: 401, code: 20003 } });
    expect(sink.messages().filter((candidate) => candidate.to === '+15555550101')).toHaveLength(0);
  });

  test('a Messaging Service sender is passed instead of a From number', async () => {
    const serviceSid = `MG${'a'.repeat(32)}`;
    const viaService = createTwilioSmsAdapter(
      loadSmsSettings({ ...sinkEnv(), TWILIO_FROM: '', TWILIO_MESSAGING_SERVICE_SID: serviceSid }),
    );

    const outcome = await viaService.send(sms('+15555550102'));

    expect(outcome).toMatchObject({ status: 'sent', providerStatus: 'accepted' });
    const received = await sink.waitFor((candidate) => candidate.to === '+15555550102');
    expect(received.messagingServiceSid).toBe(serviceSid);
    // No From in the request: the service picks one of its numbers when it queues the message,
    // a few ms later (the sink's record then shows that number, so only the account's is refused).
    expect(received.from).not.toBe(FROM);
  });

  test.each([
    ['+15005550001', 'twilio-21211', undefined],
    ['+15005550002', 'twilio-21612', undefined],
    ['+15005550003', 'twilio-21408', undefined],
    ['+15005550004', 'twilio-21610', true],
    ['+15005550009', 'twilio-21614', undefined],
  ])('Twilio refusing %s for good is the outcome %s (opted out: %s)', async (to, code, optedOut) => {
    const outcome = await adapter.send(sms(to));

    expect(outcome).toEqual({
      status: 'rejected',
      code,
      reason: expect.any(String),
      ...(optedOut && { optedOut }),
    });
    if (outcome.status === 'rejected') expect(outcome.reason).not.toContain(to);
  });

  test('a 500 throws an in-doubt error, and findSent then finds nothing to confirm', async () => {
    const message = sms('+15555550103');
    const since = new Date();
    sink.failNext('server-error');

    const sending = adapter.send(message);

    await expect(sending).rejects.toMatchObject({ status: 500 });
    await expect(sending).rejects.not.toBeInstanceOf(NotSentError);
    await expect(adapter.findSent!(message, since)).resolves.toEqual([]);
  });

  test('a lost answer throws, and findSent then finds the message Twilio kept', async () => {
    const message = sms('+15555550104');
    const since = new Date();
    sink.failNext('drop-response');

    await expect(adapter.send(message)).rejects.toThrow();

    const kept = await sink.waitFor((candidate) => candidate.to === '+15555550104');
    await expect(adapter.findSent!(message, since)).resolves.toEqual([{ providerMessageId: kept.sid }]);
  });

  test('findSent lists only the same text to the same number, from `since` on', async () => {
    const message = sms('+15555550105');
    await adapter.send(sms('+15555550105', 'Another reminder entirely.'));
    await adapter.send(sms('+15555550199', message.content.text));

    await expect(adapter.findSent!(message, new Date(Date.now() - 60_000))).resolves.toEqual([]);
    await adapter.send(message);
    await expect(adapter.findSent!(message, new Date(Date.now() - 60_000))).resolves.toHaveLength(1);
    await expect(adapter.findSent!(message, new Date(Date.now() + 60_000))).resolves.toEqual([]);
  });

  test('findSent lists every copy of the same text to a shared number, oldest first', async () => {
    const message = sms('+15555550110');
    const first = await adapter.send(message);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // Twilio stamps to the second
    const second = await adapter.send({ ...message, messageId: 'another-journey' });

    const copies = await adapter.findSent!(message, new Date(Date.now() - 60_000));

    expect(copies.map((copy) => copy.providerMessageId)).toEqual(
      [first, second].map((outcome) => (outcome.status === 'sent' ? outcome.providerMessageId : 'none')),
    );
  });

  test('status callbacks arrive in order, signed, and a tampered one fails the signature', async () => {
    const statusUrl = `${webhooks.url}/status`;
    const outcome = await adapter.send({ ...sms('+15555550106'), statusCallbackUrl: statusUrl });
    const sid = outcome.status === 'sent' ? outcome.providerMessageId : 'none';

    const callbacks = await eventually(() => {
      const forMessage = webhooks.received.filter((hook) => hook.params.MessageSid === sid);
      return forMessage.length === 2 ? forMessage : undefined;
    });

    expect(callbacks.map((hook) => hook.params.MessageStatus)).toEqual(['sent', 'delivered']);
    for (const hook of callbacks) {
      expect(hook.url).toBe(statusUrl);
      expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, ...hook })).toBe(true);
    }
    const tampered = { ...callbacks[1]!, params: { ...callbacks[1]!.params, MessageStatus: 'failed' } };
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, ...tampered })).toBe(false);
    expect(verifyTwilioSignature({ authToken: 'another-token', ...callbacks[1]! })).toBe(false);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, ...callbacks[1]!, signature: undefined })).toBe(
      false,
    );
  });

  test('an undeliverable number is sent, then reported undelivered with error 30003', async () => {
    const statusUrl = `${webhooks.url}/status`;
    const outcome = await adapter.send({ ...sms('+15005550006'), statusCallbackUrl: statusUrl });
    const sid = outcome.status === 'sent' ? outcome.providerMessageId : 'none';

    const final = await eventually(() =>
      webhooks.received.find(
        (hook) => hook.params.MessageSid === sid && hook.params.MessageStatus !== 'sent',
      ),
    );
    expect(final.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
  });

  test('a status callback target that is down does not fail the send', async () => {
    const outcome = await adapter.send({
      ...sms('+15555550107'),
      statusCallbackUrl: 'http://127.0.0.1:9/status',
    });

    expect(outcome.status).toBe('sent');
  });

  test('an inbound reply reaches the webhook signed like Twilio signs it', async () => {
    const response = await sink.sendInbound({ from: '+15555550108', body: 'STOP' });

    expect(response.status).toBe(204);
    const inbound = webhooks.received.find((hook) => hook.params.From === '+15555550108')!;
    expect(inbound.params).toMatchObject({ Body: 'STOP', To: FROM, AccountSid: ACCOUNT_SID, NumMedia: '0' });
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, ...inbound })).toBe(true);
  });

  test("a developer plays a patient's reply over HTTP; without its fields it is refused", async () => {
    const played = await fetch(`${sink.baseUrl}${PLAY_INBOUND_PATH}`, {
      method: 'POST',
      body: new URLSearchParams({ from: '+15555550109', body: 'START' }),
    });

    expect(played.status).toBe(200);
    expect(await played.json()).toEqual({ webhookStatus: 204 });
    const inbound = webhooks.received.find((hook) => hook.params.From === '+15555550109')!;
    expect(inbound.params).toMatchObject({ Body: 'START', To: FROM });
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, ...inbound })).toBe(true);

    const incomplete = await fetch(`${sink.baseUrl}${PLAY_INBOUND_PATH}`, {
      method: 'POST',
      body: new URLSearchParams({ from: '+15555550109' }),
    });
    expect(incomplete.status).toBe(400);
  });
});

describe(loadSmsSettings.name, () => {
  const valid = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: FROM };

  test('defaults to the real Twilio API', () => {
    expect(loadSmsSettings(valid)).toEqual({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      sender: { from: FROM },
      apiBaseUrl: 'https://api.twilio.com',
    });
  });

  test.each([
    ['a missing account SID', { TWILIO_ACCOUNT_SID: undefined }, /TWILIO_ACCOUNT_SID: is required/],
    [
      'a malformed account SID',
      { TWILIO_ACCOUNT_SID: 'AC123' },
      /TWILIO_ACCOUNT_SID: must be an account SID/,
    ],
    ['an empty auth token', { TWILIO_AUTH_TOKEN: '' }, /TWILIO_AUTH_TOKEN: must be the auth token/],
    ['a From number not in E.164', { TWILIO_FROM: '5551234' }, /TWILIO_FROM: must be an E.164 phone number/],
    [
      'no sender',
      { TWILIO_FROM: undefined },
      /TWILIO_FROM: set exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID/,
    ],
    ['two senders', { TWILIO_MESSAGING_SERVICE_SID: `MG${'1'.repeat(32)}` }, /TWILIO_FROM: set exactly one/],
    [
      'a malformed Messaging Service SID',
      { TWILIO_FROM: undefined, TWILIO_MESSAGING_SERVICE_SID: 'MG1' },
      /TWILIO_MESSAGING_SERVICE_SID: must be a Messaging Service SID/,
    ],
    [
      'an API base URL without scheme',
      { TWILIO_API_BASE_URL: 'api.twilio.com' },
      /TWILIO_API_BASE_URL: must be/,
    ],
  ])('%s is reported by the variable name', (_case, override, message) => {
    expect(() => loadSmsSettings({ ...valid, ...override })).toThrow(message);
  });

  test('never echoes the auth token in its error', () => {
    const load = () => loadSmsSettings({ ...valid, TWILIO_AUTH_TOKEN: 'secret with spaces' });
    expect(load).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(load).not.toThrow(/secret/);
  });
});
