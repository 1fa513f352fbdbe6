import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime, { type Address } from 'postal-mime';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface SmtpCaptureOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  host?: string;
  /** When given, every captured mail is also written there as `<timestamp>-<n>.eml`. */
  outboxDir?: string;
}

export interface CapturedEmail {
  from: string | undefined;
  to: string[];
  subject: string | undefined;
  text: string | undefined;
  html: string | undefined;
  messageId: string | undefined;
  /** Lower-case header names; a repeated header keeps its first (top-most) value. */
  headers: Record<string, string>;
  receivedAt: Date;
}

export type SmtpCaptureFault = 'drop-after-data';

export interface SmtpCapture {
  port: number;
  url: string;
  messages(): CapturedEmail[];
  waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  failNext(kind: SmtpCaptureFault): void;
  stop(): Promise<void>;
}

interface Waiter {
  predicate: (email: CapturedEmail) => boolean;
  resolve: (email: CapturedEmail) => void;
}

/**
 * A real SMTP server that keeps what it receives, for `npm start` (mail shows up in the outbox
 * folder) and for tests. Addresses whose local part starts with `bounce` are refused at RCPT with
 * 550, like a mailbox that does not exist; `failNext('drop-after-data')` plays a provider that
 * took the mail but whose answer never arrived.
 */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const captured: CapturedEmail[] = [];
  const waiters = new Set<Waiter>();
  const pendingFaults: SmtpCaptureFault[] = [];
  if (options.outboxDir) mkdirSync(options.outboxDir, { recursive: true });

  async function capture(raw: Buffer): Promise<void> {
    const email = toCapturedEmail(await PostalMime.parse(raw));
    captured.push(email);
    if (options.outboxDir) {
      const name = `${email.receivedAt.toISOString().replace(/[:.]/g, '-')}-${captured.length}.eml`;
      await writeFile(join(options.outboxDir, name), raw);
    }
    for (const waiter of waiters) {
      if (waiter.predicate(email)) {
        waiters.delete(waiter);
        waiter.resolve(email);
      }
    }
  }

  const server: SMTPServer = new SMTPServer({
    banner: 'Carepath SMTP capture',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // Any credentials pass, so an SMTP_URL with user:pass works against the capture too.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onRcptTo(address, _session, callback) {
      if (/^bounce/i.test(address.address)) {
        return callback(smtpError(550, '5.1.1 Mailbox does not exist'));
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      readAll(stream)
        .then(capture)
        .then(() => {
          if (pendingFaults.shift() === 'drop-after-data') return dropConnection(server, session);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // Clients that vanish mid-session surface here; a capture has nothing to do about them.
  server.on('error', () => {});

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = options.host ?? '127.0.0.1';
  return {
    port,
    url: `smtp://${host}:${port}`,
    messages: () => [...captured],
    waitFor(predicate, timeoutMs = 5_000) {
      const found = captured.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (email) => {
            clearTimeout(timer);
            resolve(email);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No captured email matched within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(kind) {
      pendingFaults.push(kind);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Without this, close() grants open sessions a 30 s grace period.
        for (const connection of server.connections) connection.close();
      }),
  };
}

function toCapturedEmail(email: PostalMime.Email): CapturedEmail {
  const headers: Record<string, string> = {};
  for (const header of email.headers) headers[header.key] ??= header.value;
  return {
    from: mailboxesOf(email.from ? [email.from] : [])[0],
    to: mailboxesOf(email.to ?? []),
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    headers,
    receivedAt: new Date(),
  };
}

function mailboxesOf(addresses: Address[]): string[] {
  return addresses
    .flatMap((address) => (address.group ? address.group : [address]))
    .map((box) => box.address);
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Ends the session without the reply to DATA: the client cannot know the mail arrived. */
function dropConnection(server: SMTPServer, session: SMTPServerSession): void {
  for (const connection of server.connections) {
    if (connection.id === session.id) connection._socket.destroy();
  }
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve((server.server.address() as { port: number }).port);
    });
  });
}
