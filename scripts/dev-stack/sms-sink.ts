import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { SegmentedMessage } from 'sms-segments-calculator';
import twilio from 'twilio';

export interface SmsSinkOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** The credentials the sink accepts (HTTP Basic, as Twilio) and signs its webhooks with. */
  accountSid: string;
  authToken: string;
  /** When given, every accepted SMS is appended to `sms.jsonl` there. */
  outboxDir?: string;
  /** Where `sendInbound` posts, as Twilio posts a patient's reply to the number's webhook. */
  inboundWebhookUrl?: string;
}

export type SinkSmsStatus = 'queued' | 'accepted' | 'sent' | 'delivered' | 'undelivered';

export interface SinkSms {
  sid: string;
  to: string;
  /** Null until sent when a Messaging Service picks the number, as with Twilio. */
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  numSegments: number;
  status: SinkSmsStatus;
  errorCode: number | null;
  statusCallback: string | null;
  dateCreated: Date;
  dateSent: Date | null;
  dateUpdated: Date;
}

/**
 * `drop-response`: recorded, the connection closed unanswered; `server-error`: a 500 before
 * recording; `late-response`: answered only after its status callbacks were posted (Twilio's
 * callbacks can overtake its answer).
 */
export type SmsSinkFault = 'drop-response' | 'server-error' | 'late-response';

export interface SmsSink {
  baseUrl: string;
  messages(): SinkSms[];
  waitFor(predicate: (sms: SinkSms) => boolean, timeoutMs?: number): Promise<SinkSms>;
  /** Applies to the next message creation. */
  failNext(kind: SmsSinkFault): void;
  /** Posts a signed inbound-message webhook; `to` defaults to the sink's own number. */
  sendInbound(message: { from: string; body: string; to?: string }): Promise<Response>;
  stop(): Promise<void>;
}

/** Twilio's magic "valid From" test number; the sink's own number for replies. */
export const SINK_NUMBER = '+15005550006';
const API_VERSION = '2010-04-01';
/** The sink's own route for playing a patient's reply (see `playInbound`). */
export const PLAY_INBOUND_PATH = '/_sink/inbound';
const STATUS_STEP_MS = 5;
const UNDELIVERABLE = {
  to: '+15005550006',
  errorCode: 30003,
  errorMessage: 'Unreachable destination handset',
};

/** Twilio's test credentials answer these recipients with these errors; the sink does the same. */
const magicRecipients: Record<string, { code: number; message: string }> = {
  '+15005550001': { code: 21211, message: "The 'To' number +15005550001 is not a valid phone number." },
  '+15005550002': { code: 21612, message: "The 'To' phone number +15005550002 is not currently reachable." },
  '+15005550003': {
    code: 21408,
    message: "Permission to send an SMS has not been enabled for the region of the 'To' number +15005550003.",
  },
  '+15005550004': { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+15005550009': { code: 21614, message: "'To' number +15005550009 is not a valid mobile number" },
};

interface Waiter {
  predicate: (sms: SinkSms) => boolean;
  resolve: (sms: SinkSms) => void;
}

class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A stand-in for Twilio's Messages API (2010-04-01), for `npm start` and tests: the official
 * client talks to it unchanged once its base URL points here. It checks the account's Basic
 * auth, answers Twilio's JSON and error codes (magic test numbers included), lists and fetches
 * messages, and plays the network: signed status callbacks and inbound webhooks, a lost answer,
 * a 500.
 */
export async function startSmsSink(options: SmsSinkOptions): Promise<SmsSink> {
  const accepted: SinkSms[] = [];
  const waiters = new Set<Waiter>();
  const pendingFaults: SmsSinkFault[] = [];
  const callbacksPosted = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const stopping = new AbortController();
  const accountPath = `/${API_VERSION}/Accounts/${options.accountSid}`;
  const expectedAuthorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  if (options.outboxDir) mkdirSync(options.outboxDir, { recursive: true });

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const failure = error instanceof TwilioApiError ? error : new TwilioApiError(500, 20500, String(error));
      if (response.headersSent) response.destroy();
      else answerError(response, failure);
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sink');
    if (url.pathname === PLAY_INBOUND_PATH && request.method === 'POST')
      return playInbound(request, response);
    const path = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages(?:\/(SM[0-9a-f]{32}))?\.json$/.exec(
      url.pathname,
    );
    if (!path) throw notFound(url.pathname);
    if (request.headers.authorization !== expectedAuthorization) {
      response.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
      throw new TwilioApiError(401, 20003, 'Authenticate');
    }
    if (path[1] !== options.accountSid) throw notFound(url.pathname);
    const messageSid = path[2];
    if (request.method === 'GET') {
      return answer(response, 200, messageSid ? toResource(find(messageSid, url)) : listPage(url));
    }
    if (request.method === 'POST' && !messageSid) return create(request, response);
    throw new TwilioApiError(405, 20004, 'Method not allowed');
  }

  /**
   * Not Twilio's API: lets a developer play a patient's reply (`from`, `body`, form-encoded) as
   * Twilio would deliver it to the inbound webhook. The sink listens on loopback only.
   */
  async function playInbound(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const from = form.get('from');
    const body = form.get('body');
    if (!from || !body) throw new TwilioApiError(400, 21602, 'Give the reply as form fields from and body');
    const delivered = await sink.sendInbound({ from, body });
    return answer(response, 200, { webhookStatus: delivered.status });
  }

  async function create(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    if (pendingFaults[0] === 'server-error') {
      pendingFaults.shift();
      throw new TwilioApiError(500, 20500, 'An internal server error has occurred');
    }
    const sms = await accept(form);
    if (pendingFaults[0] === 'drop-response') {
      pendingFaults.shift();
      request.socket.destroy();
      return;
    }
    if (pendingFaults[0] === 'late-response') {
      pendingFaults.shift();
      await callbacksPosted.get(sms.sid);
    }
    answer(response, 201, toResource(sms));
  }

  async function accept(form: URLSearchParams): Promise<SinkSms> {
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    if (!to) throw new TwilioApiError(400, 21604, "A 'To' phone number is required.");
    if (!body) throw new TwilioApiError(400, 21602, 'Message body is required.');
    if (!from && !messagingServiceSid) {
      throw new TwilioApiError(
        400,
        21603,
        "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
      );
    }
    const magic = magicRecipients[to];
    if (magic) throw new TwilioApiError(400, magic.code, magic.message);
    if (!/^\+[1-9]\d{1,14}$/.test(to)) {
      throw new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    }

    const now = new Date();
    const sms: SinkSms = {
      sid: newSid(),
      to,
      from,
      messagingServiceSid,
      body,
      numSegments: new SegmentedMessage(body).segmentsCount,
      // A Messaging Service first accepts the message, then queues it on one of its numbers.
      status: from ? 'queued' : 'accepted',
      errorCode: null,
      statusCallback: form.get('StatusCallback'),
      dateCreated: now,
      dateSent: null,
      dateUpdated: now,
    };
    accepted.push(sms);
    if (options.outboxDir) await appendFile(join(options.outboxDir, 'sms.jsonl'), `${JSON.stringify(sms)}\n`);
    for (const waiter of waiters) {
      if (waiter.predicate(sms)) {
        waiters.delete(waiter);
        waiter.resolve(sms);
      }
    }
    advance(sms);
    return sms;
  }

  /** Sent, then delivered (or undelivered), a few ms apart, each change posted to StatusCallback. */
  function advance(sms: SinkSms): void {
    const posted = after(STATUS_STEP_MS, async () => {
      sms.status = 'sent';
      sms.from ??= SINK_NUMBER;
      sms.dateSent = sms.dateUpdated = new Date();
      await postStatus(sms);
      await after(STATUS_STEP_MS, async () => {
        const undeliverable = sms.to === UNDELIVERABLE.to;
        sms.status = undeliverable ? 'undelivered' : 'delivered';
        sms.errorCode = undeliverable ? UNDELIVERABLE.errorCode : null;
        sms.dateUpdated = new Date();
        await postStatus(sms);
      });
    });
    callbacksPosted.set(sms.sid, posted);
    void posted.then(() => callbacksPosted.delete(sms.sid));
  }

  /** Runs `step` after `ms`; resolves when it finished (at once if the sink is stopping). */
  function after(ms: number, step: () => Promise<void>): Promise<void> {
    if (stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void step().finally(resolve);
      }, ms);
      timers.add(timer);
    });
  }

  /** A callback target that is down never fails the send, as with Twilio. */
  async function postStatus(sms: SinkSms): Promise<void> {
    if (!sms.statusCallback) return;
    const params: Record<string, string> = {
      AccountSid: options.accountSid,
      ApiVersion: API_VERSION,
      From: sms.from ?? SINK_NUMBER,
      MessageSid: sms.sid,
      MessageStatus: sms.status,
      SmsSid: sms.sid,
      SmsStatus: sms.status,
      To: sms.to,
      ...(sms.messagingServiceSid ? { MessagingServiceSid: sms.messagingServiceSid } : {}),
      ...(sms.errorCode ? { ErrorCode: String(sms.errorCode) } : {}),
    };
    try {
      const response = await postSigned(sms.statusCallback, params);
      await response.arrayBuffer();
    } catch {
      // Twilio does not retry a failed status callback by default either.
    }
  }

  function postSigned(url: string, params: Record<string, string>): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'TwilioProxy/1.1',
        'X-Twilio-Signature': twilio.getExpectedTwilioSignature(options.authToken, url, params),
      },
      body: new URLSearchParams(params),
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(10_000)]),
    });
  }

  function find(sid: string, url: URL): SinkSms {
    const sms = accepted.find((candidate) => candidate.sid === sid);
    if (!sms) throw notFound(url.pathname);
    return sms;
  }

  /** Newest first, filtered by To, From and the DateSent bounds, paged like Twilio's list resources. */
  function listPage(url: URL) {
    const query = url.searchParams;
    const pageSize = Math.min(Math.max(Number(query.get('PageSize') ?? 50) || 50, 1), 1000);
    const page = Math.max(Number(query.get('Page') ?? 0) || 0, 0);
    const sentInRange = dateSentFilter(query);
    const matches = accepted
      .filter((sms) => (query.get('To') ?? sms.to) === sms.to && (query.get('From') ?? sms.from) === sms.from)
      .filter(sentInRange)
      .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime());
    const start = page * pageSize;
    const onPage = matches.slice(start, start + pageSize);
    const pageUri = (number: number) => {
      const params = new URLSearchParams(query);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(number));
      return `${accountPath}/Messages.json?${params}`;
    };
    return {
      messages: onPage.map(toResource),
      page,
      page_size: pageSize,
      start,
      end: start + Math.max(onPage.length - 1, 0),
      uri: pageUri(page),
      first_page_uri: pageUri(0),
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      next_page_uri: start + pageSize < matches.length ? pageUri(page + 1) : null,
    };
  }

  function toResource(sms: SinkSms) {
    const uri = `${accountPath}/Messages/${sms.sid}.json`;
    return {
      account_sid: options.accountSid,
      api_version: API_VERSION,
      body: sms.body,
      date_created: rfc2822(sms.dateCreated),
      date_sent: sms.dateSent ? rfc2822(sms.dateSent) : null,
      date_updated: rfc2822(sms.dateUpdated),
      direction: 'outbound-api',
      error_code: sms.errorCode,
      error_message: sms.errorCode === UNDELIVERABLE.errorCode ? UNDELIVERABLE.errorMessage : null,
      from: sms.from,
      messaging_service_sid: sms.messagingServiceSid,
      num_media: '0',
      num_segments: String(sms.numSegments),
      price: null,
      price_unit: 'USD',
      sid: sms.sid,
      status: sms.status,
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
      to: sms.to,
      uri,
    };
  }

  function notFound(path: string): TwilioApiError {
    return new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });

  const sink: SmsSink = {
    baseUrl: `http://127.0.0.1:${port}`,
    messages: () => accepted.map((sms) => ({ ...sms })),
    waitFor(predicate, timeoutMs = 5_000) {
      const found = accepted.find(predicate);
      if (found) return Promise.resolve({ ...found });
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (sms) => {
            clearTimeout(timer);
            resolve({ ...sms });
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No SMS matched within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(kind) {
      pendingFaults.push(kind);
    },
    sendInbound({ from, body, to = SINK_NUMBER }) {
      if (!options.inboundWebhookUrl) {
        return Promise.reject(new Error('The SMS sink was started without an inboundWebhookUrl'));
      }
      const sid = newSid();
      return postSigned(options.inboundWebhookUrl, {
        AccountSid: options.accountSid,
        ApiVersion: API_VERSION,
        Body: body,
        From: from,
        MessageSid: sid,
        NumMedia: '0',
        NumSegments: String(new SegmentedMessage(body).segmentsCount),
        SmsMessageSid: sid,
        SmsSid: sid,
        SmsStatus: 'received',
        To: to,
      });
    },
    stop() {
      stopping.abort();
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return sink;
}

/**
 * Twilio's filters: `DateSent>` (on or after; curl users write it `DateSent>=`), `DateSent<`,
 * `DateSent`; each a day (YYYY-MM-DD) or an instant, compared to the second. An unsent message
 * counts by its creation time: Twilio does not document how it filters messages still queued,
 * and hiding them would let a recovery lookup miss a message and send it twice.
 */
function dateSentFilter(query: URLSearchParams): (sms: SinkSms) => boolean {
  const bound = (name: string, endOfDay: boolean) => {
    const value = query.get(name) ?? query.get(`${name}=`);
    if (value === null) return undefined;
    const instant = Date.parse(value);
    if (Number.isNaN(instant)) throw new TwilioApiError(400, 20001, `Invalid ${name} value: ${value}`);
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    return Math.floor((dayOnly && endOfDay ? instant + 86_400_000 - 1 : instant) / 1000);
  };
  const lower = bound('DateSent>', false) ?? bound('DateSent', false);
  const upper = bound('DateSent<', true) ?? bound('DateSent', true);
  return (sms) => {
    const second = Math.floor((sms.dateSent ?? sms.dateCreated).getTime() / 1000);
    return (lower === undefined || second >= lower) && (upper === undefined || second <= upper);
  };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function answerError(response: ServerResponse, error: TwilioApiError): void {
  answer(response, error.status, {
    code: error.code,
    message: error.message,
    more_info: `https://www.twilio.com/docs/errors/${error.code}`,
    status: error.status,
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function newSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** Twilio's date format: `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
