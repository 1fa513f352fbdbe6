import { startSmtpCapture, type SmtpCapture } from '../../scripts/dev-stack/smtp-capture';
import { NotSentError, type ChannelAdapter, type OutboundMessage } from '../channel-adapter';
import { loadEmailSettings } from './email-settings';
import { createSmtpEmailAdapter } from './smtp-email-adapter';

const env = { EMAIL_FROM: 'Carepath <care@carepath.test>', EMAIL_REPLY_TO: 'desk@carepath.test' };

function reminder(to: string, idempotencyKey = `journey-1/step-${to}`): OutboundMessage {
  return {
    messageId: `msg-${to}`,
    idempotencyKey,
    to,
    content: {
      subject: 'Your screening is due',
      text: 'Please book your screening.',
      html: '<p>Please book your <b>screening</b>.</p>',
    },
    unsubscribeUrl: 'https://carepath.test/api/unsubscribe/abc',
  };
}

describe(createSmtpEmailAdapter.name, () => {
  let capture: SmtpCapture;
  let adapter: ChannelAdapter & { close(): void };

  beforeAll(async () => {
    capture = await startSmtpCapture();
    adapter = createSmtpEmailAdapter(loadEmailSettings({ ...env, SMTP_URL: capture.url }));
  });

  afterAll(async () => {
    adapter.close();
    await capture.stop();
  });

  test('a sent mail arrives with subject, both bodies, a hashed Message-ID and one-click unsubscribe', async () => {
    const outcome = await adapter.send(reminder('alex@patients.test'));

    const mail = await capture.waitFor((email) => email.to.includes('alex@patients.test'));
    expect(outcome).toEqual({
      status: 'sent',
      providerMessageId: mail.messageId,
      providerStatus: expect.any(String),
    });
    expect(mail).toMatchObject({
      from: 'care@carepath.test',
      subject: 'Your screening is due',
      text: expect.stringContaining('Please book your screening.'),
      html: expect.stringContaining('<b>screening</b>'),
    });
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@carepath\.test>$/);
    expect(mail.headers['reply-to']).toBe('desk@carepath.test');
    expect(mail.headers['list-unsubscribe']).toBe('<https://carepath.test/api/unsubscribe/abc>');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  test('a retry of the same step carries the same Message-ID, and no trace of the key', async () => {
    const first = await adapter.send(reminder('sam@patients.test', 'journey-2/reminder'));
    const second = await adapter.send(reminder('sam@patients.test', 'journey-2/reminder'));

    expect(first.status === 'sent' && first.providerMessageId).toBe(
      second.status === 'sent' && second.providerMessageId,
    );
    expect(JSON.stringify(first)).not.toContain('journey-2');
  });

  test('a mail without an unsubscribe link has no List-Unsubscribe headers', async () => {
    await adapter.send({ ...reminder('kim@patients.test'), unsubscribeUrl: undefined });

    const mail = await capture.waitFor((email) => email.to.includes('kim@patients.test'));
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    expect(mail.headers['list-unsubscribe-post']).toBeUndefined();
  });

  test('a mailbox the server refuses for good is rejected, without echoing the address', async () => {
    const outcome = await adapter.send(reminder('bounce-no-such-user@patients.test'));

    expect(outcome).toEqual({ status: 'rejected', code: 'smtp-550', reason: expect.stringContaining('550') });
    expect(JSON.stringify(outcome)).not.toContain('bounce-no-such-user');
    expect(capture.messages().some((email) => email.to.includes('bounce-no-such-user@patients.test'))).toBe(
      false,
    );
  });

  test('a lost reply after DATA throws an in-doubt error, although the server holds the mail', async () => {
    capture.failNext('drop-after-data');

    const sending = adapter.send(reminder('lee@patients.test'));

    await expect(sending).rejects.toThrow(/connection closed|socket|ECONNRESET/i);
    await expect(sending).rejects.not.toBeInstanceOf(NotSentError);
    expect(capture.messages().filter((email) => email.to.includes('lee@patients.test'))).toHaveLength(1);
  });

  test('an unreachable server throws NotSentError: nothing can have gone out', async () => {
    const stopped = await startSmtpCapture();
    await stopped.stop();
    const unreachable = createSmtpEmailAdapter(loadEmailSettings({ ...env, SMTP_URL: stopped.url }));

    await expect(unreachable.send(reminder('max@patients.test'))).rejects.toBeInstanceOf(NotSentError);
    unreachable.close();
  });

  test('the adapter has no findSent: SMTP cannot say what it took', () => {
    expect(adapter.findSent).toBeUndefined();
  });
});

describe(loadEmailSettings.name, () => {
  test('reads the From domain for Message-IDs', () => {
    expect(
      loadEmailSettings({ SMTP_URL: 'smtps://u:p@mail.example.org:465', EMAIL_FROM: 'a@Example.ORG' }),
    ).toEqual({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      from: 'a@Example.ORG',
      replyTo: undefined,
      messageIdDomain: 'example.org',
    });
  });

  test.each([
    ['a missing SMTP URL', { EMAIL_FROM: 'care@carepath.test' }, /SMTP_URL: is required/],
    [
      'an HTTP URL for SMTP',
      { SMTP_URL: 'http://mail.example.org', EMAIL_FROM: 'a@b.c' },
      /SMTP_URL: must be an smtp/,
    ],
    ['a missing From', { SMTP_URL: 'smtp://mail.example.org' }, /EMAIL_FROM: is required/],
    [
      'a From without address',
      { SMTP_URL: 'smtp://m.example.org', EMAIL_FROM: 'Carepath' },
      /EMAIL_FROM: must be/,
    ],
    [
      'a Reply-To without address',
      { SMTP_URL: 'smtp://m.example.org', EMAIL_FROM: 'a@b.c', EMAIL_REPLY_TO: 'desk' },
      /EMAIL_REPLY_TO: must be/,
    ],
  ])('%s is reported by the variable name', (_case, badEnv, message) => {
    expect(() => loadEmailSettings(badEnv)).toThrow(message);
  });

  test('never echoes the SMTP password in its error', () => {
    const load = () => loadEmailSettings({ SMTP_URL: 'ftp://user:hunter2@mail', EMAIL_FROM: 'a@b.c' });
    expect(load).toThrow(/SMTP_URL/);
    expect(load).not.toThrow(/hunter2/);
  });
});
