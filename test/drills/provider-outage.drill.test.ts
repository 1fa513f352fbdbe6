import { createHash } from 'node:crypto';
import request from 'supertest';
import { In } from 'typeorm';
import { OutreachDeliveryEvent } from '../../persistence/entities/outreach-delivery-event.entity';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import type { ProviderFault } from '../helpers/drills/providers/flaky-provider-proxy';
import { installedOutage } from '../helpers/drills/providers/provider-outage';

/*
 * Drill 7: the SMTP server and the SMS provider go down together (connection refused, then
 * "try later" errors: SMTP 421 and HTTP 500, then silence until the client's own timeout) while
 * journeys keep starting. Every step's message must still arrive exactly once, on a channel the
 * rules allow, after retries with back-off; a permanent refusal (a bouncing mailbox, an SMS the
 * handset never gets) must fall back to the patient's next channel.
 *
 * Sizes (waves of enrolments spread over the outage; each wave: `patients` patients due for all
 * five screening items, 5 journeys each, plus one bouncing-mailbox and one landline patient):
 *   reduced (default):     24 s outage, 3 waves x 1 patient  = 21 journeys, about 1.5 min
 *   CAREPATH_DRILLS=full:  60 s outage, 6 waves x 3 patients = 102 journeys, about 3 min
 * A step that never arrives is waited for 90 s (full: 5 min) after the outage, then reported.
 */
const full = process.env.CAREPATH_DRILLS === 'full';
const size = full ? { outageMs: 60_000, waves: 6, patients: 3 } : { outageMs: 24_000, waves: 3, patients: 1 };
const faults: ProviderFault[] = ['refuse', 'error', 'hang'];

// The stack's provider sandbox, put behind proxies that can fail: startApiStack stays as it is.
jest.mock('../helpers/engagement-sandbox', () => {
  const actual = jest.requireActual('../helpers/engagement-sandbox');
  const { behindProviderOutage } = jest.requireActual('../helpers/drills/providers/provider-outage');
  return {
    ...actual,
    startProviderSandbox: async (options: unknown) =>
      behindProviderOutage(await actual.startProviderSandbox(options)),
  };
});

const SCREENING_ITEMS = [
  'mammogram',
  'flu-shot',
  'annual-visit',
  'colorectal-screening',
  'cervical-screening',
];
/**
 * The Twilio test number the SMS sink reports undelivered, as a landline would be. Every wave's
 * landline patient has it, as members of a household share one phone: the same text to the same
 * number from different journeys must still be told apart.
 */
const LANDLINE = '+15005550006';
const DELIVERED = ['sent', 'delivered'];

interface PlannedJourney {
  patientId: string;
  item: string;
  /** The one channel the rules allow to deliver it. */
  expected: 'email' | 'sms';
  /** The timeline line that proves the fallback, where one is due. */
  fallback?: RegExp;
  id?: string;
}

describe('drill: SMTP and SMS provider outage', () => {
  let stack: ApiStack;
  const journeys: PlannedJourney[] = [];

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  /** Through the API, which keys contact details by the pseudonym journeys know the patient by. */
  async function saveContact(patientId: string, contact: Record<string, unknown>): Promise<void> {
    const integration = { Authorization: DEMO_KEYS.integration };
    await api().put(`/api/patients/${patientId}/contact`).set(integration).send(contact).expect(200);
    for (const channel of ['email', 'sms'])
      await api()
        .put(`/api/patients/${patientId}/consents/${channel}`)
        .set(integration)
        .send({ status: 'granted' })
        .expect(200);
  }

  async function enrolWave(wave: number): Promise<void> {
    const planned: PlannedJourney[] = [];
    for (let n = 0; n < size.patients; n += 1) {
      const patientId = `pat-outage-${wave}-${n}`;
      await saveContact(patientId, {
        email: `${patientId}@patients.test`,
        phone: `+1555555${String(wave * 100 + n).padStart(4, '0')}`,
        channelOrder: ['sms', 'email'],
      });
      for (const item of SCREENING_ITEMS)
        planned.push({ patientId, item, expected: item === 'flu-shot' ? 'sms' : 'email' });
    }
    const bouncing = `pat-bounce-${wave}`;
    await saveContact(bouncing, {
      email: `bounce-${wave}@patients.test`,
      phone: `+1555556${String(wave).padStart(4, '0')}`,
      channelOrder: ['email', 'sms'],
    });
    planned.push({
      patientId: bouncing,
      item: 'mammogram',
      expected: 'sms',
      fallback: /email refused it \(smtp-550\); trying the next channel/,
    });
    const landline = `pat-landline-${wave}`;
    await saveContact(landline, {
      email: `${landline}@patients.test`,
      phone: LANDLINE,
      channelOrder: ['sms', 'email'],
    });
    planned.push({
      patientId: landline,
      item: 'flu-shot',
      expected: 'email',
      fallback: /The sms message was not delivered \(twilio-30003\)/,
    });
    for (const journey of planned) {
      const started = await api()
        .post('/api/journeys')
        .set('Authorization', DEMO_KEYS.operator)
        .send({
          journey: 'preventive-outreach',
          patientId: journey.patientId,
          params: { item: journey.item },
        })
        .expect(201);
      journey.id = started.body.id;
    }
    journeys.push(...planned);
  }

  const outreachOf = (journeyIds: string[]) =>
    stack.database.dataSource
      .getRepository(OutreachMessage)
      .find({ where: { journeyId: In(journeyIds) }, order: { createdAt: 'ASC' } });

  test(
    '[HZ-84] every step is delivered exactly once on an allowed channel, after retries, with fallback where due',
    async () => {
      const started = Date.now();
      const outage = installedOutage();
      // A wave of enrolments at the start of each share of the outage, so every fault meets fresh sends.
      const wavesPerFault = size.waves / faults.length;
      let wave = 0;
      const enrolments: Promise<void>[] = [];
      await outage.play(faults, size.outageMs, () => {
        for (let k = 0; k < wavesPerFault; k += 1) {
          const thisWave = wave++;
          const delay = (k * size.outageMs) / faults.length / wavesPerFault;
          enrolments.push(
            new Promise((resolve) => setTimeout(resolve, delay)).then(() => enrolWave(thisWave)),
          );
        }
      });
      await Promise.all(enrolments);
      const ids = journeys.map((journey) => journey.id!);

      // Everything delivered (or, for a fallback, delivered on the next channel) once providers are back.
      const rows = await eventually(
        () => outreachOf(ids),
        (found) =>
          journeys.every((journey) =>
            found.some(
              (row) =>
                row.journeyId === journey.id &&
                row.channel === journey.expected &&
                DELIVERED.includes(row.status),
            ),
          ),
        full ? 300_000 : 90_000,
      );
      const elapsedMs = Date.now() - started;

      const problems: string[] = [];
      for (const journey of journeys) {
        const own = rows.filter((row) => row.journeyId === journey.id);
        const delivered = own.filter((row) => DELIVERED.includes(row.status));
        const where = `${journey.patientId}/${journey.item}`;
        if (delivered.length !== 1 || delivered[0]?.channel !== journey.expected)
          problems.push(`${where}: delivered ${JSON.stringify(own.map((r) => [r.channel, r.status]))}`);
        if (own.some((row) => row.status === 'uncertain')) problems.push(`${where}: left uncertain`);
      }

      // Counted at the providers themselves: each delivered email or SMS arrived once, nothing else did.
      const emailRows = rows.filter((row) => row.channel === 'email' && DELIVERED.includes(row.status));
      const captured = stack.providers.smtp.messages();
      for (const row of emailRows) {
        const copies = captured.filter((mail) =>
          mail.messageId?.startsWith(`<${digestOf(row.idempotencyKey)}@`),
        );
        if (copies.length !== 1)
          problems.push(`email ${row.idempotencyKey}: ${copies.length} copies at SMTP`);
      }
      if (captured.length !== emailRows.length)
        problems.push(`SMTP captured ${captured.length} mails for ${emailRows.length} delivered email steps`);
      const smsRows = rows.filter((row) => row.channel === 'sms' && row.providerMessageId);
      const sunk = stack.providers.sms.messages();
      for (const row of smsRows) {
        const copies = sunk.filter((sms) => sms.sid === row.providerMessageId);
        if (copies.length !== 1) problems.push(`sms ${row.idempotencyKey}: ${copies.length} at the sink`);
      }
      if (sunk.length !== smsRows.length)
        problems.push(`the SMS sink took ${sunk.length} messages for ${smsRows.length} SMS steps`);

      // Fallbacks happened where the rules say, and were recorded on the journey's timeline.
      for (const journey of journeys.filter((planned) => planned.fallback)) {
        const timeline = await api()
          .get(`/api/journeys/${journey.id}`)
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200)
          .then((response) => (response.body.timeline as Array<{ summary: string }>).map((e) => e.summary));
        if (!timeline.some((line) => journey.fallback!.test(line)))
          problems.push(
            `${journey.patientId}/${journey.item}: no fallback line in ${JSON.stringify(timeline)}`,
          );
      }

      // Retries happened: refused and "try later" sends are logged as not sent before the one that went.
      const events = await stack.database.dataSource
        .getRepository(OutreachDeliveryEvent)
        .findBy({ messageId: In(rows.map((row) => row.id)), detail: 'not-sent' });
      const retriedByChannel = countBy(
        events.map((event) => rows.find((row) => row.id === event.messageId)!.channel),
      );
      const met = { smtp: outage.smtp.connectionsMet(), sms: outage.sms.connectionsMet() };
      const figures = {
        size: full ? 'full' : 'reduced',
        journeys: journeys.length,
        emails: captured.length,
        sms: sunk.length,
        duplicatesOrLosses: problems.length,
        notSentAttempts: retriedByChannel,
        connectionsMet: met,
        elapsedMs,
      };
      console.log(`provider-outage drill: ${JSON.stringify(figures)}`);

      expect(problems).toEqual([]);
      expect(retriedByChannel.email ?? 0).toBeGreaterThan(0);
      expect(retriedByChannel.sms ?? 0).toBeGreaterThan(0);
      expect(met.smtp.error + met.smtp.hang).toBeGreaterThan(0);
      expect(met.sms.error).toBeGreaterThan(0);
      expect(met.sms.hang).toBeGreaterThan(0);
    },
    full ? 480_000 : 180_000,
  );
});

/** The Message-ID digest the SMTP adapter derives from a step's idempotency key. */
function digestOf(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
