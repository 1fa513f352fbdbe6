import request from 'supertest';
import type { App } from 'supertest/types';
import { DEMO_KEYS } from '../api-stack';
import type { DrillStack } from './drill-stack';

/*
 * The drills' patients: appointment reminders whose appointment is seconds away. With a one-hour
 * lead the reminder is due at enrolment, so each journey sends exactly one message at once, then
 * sleeps on a durable timer until the appointment time ends it: a timer that must not be lost.
 * Patients are reached by SMS, by email, or (no consent anywhere) by a staff call task.
 */

export type Reach = 'sms' | 'email' | 'staff-call';
const REACHES: Reach[] = ['sms', 'email', 'staff-call'];

export interface DrillJourney {
  id: string;
  patientId: string;
  reach: Reach;
  /** The phone number or email address the patient's one message must reach. */
  address: string;
  appointmentAt: string;
  /**
   * How the journey ends: at the appointment time (when absent), or by the patient attending, an
   * event sent once its reminder went out (see outage-reminders.ts).
   */
  end?: 'attended';
}

/**
 * Attempts the patient got or may have got. `uncertain` is an attempt a crash interrupted after it
 * was logged and whose provider cannot be asked (SMTP): never sent again. Whether the patient
 * really got it is read at the provider (`received`), which is what the drills hold to.
 */
const REACHED_OR_MAYBE = ['sending', 'sent', 'delivered', 'read', 'uncertain'];

/** Outreach-log attempts seen as `uncertain` by outcomeOf, for the drill's report. */
export const unconfirmedAttempts = { count: 0 };

/** Patients of an earlier run of the same drill (same shared namespace) must not be their journeys. */
const RUN_TAG = Date.now().toString(36);

const asOperator = { Authorization: DEMO_KEYS.operator };
const asIntegration = { Authorization: DEMO_KEYS.integration };

export interface DrillPatient {
  patientId: string;
  reach: Reach;
  address: string;
}

/**
 * Keeps the index-th drill patient's contact details and consent (the reach cycles SMS, email,
 * staff call). Done before any fault: it is the journeys, not this setup, that are drilled.
 */
export async function registerPatient(http: App, drill: string, index: number): Promise<DrillPatient> {
  const reach = REACHES[index % REACHES.length]!;
  const patientId = `${drill}-${RUN_TAG}-${index}`;
  const phone = `+1555555${String(index).padStart(4, '0')}`;
  const email = `${patientId}@patients.test`;
  await request(http)
    .put(`/api/patients/${patientId}/contact`)
    .set(asIntegration)
    .send({
      phone,
      email,
      portalEnabled: false,
      timeZone: 'UTC',
      channelOrder: reach === 'email' ? ['email'] : ['sms', 'email'],
    })
    .expect(200);
  for (const channel of ['sms', 'email'] as const) {
    await request(http)
      .put(`/api/patients/${patientId}/consents/${channel}`)
      .set(asIntegration)
      .send({ status: reach === channel ? 'granted' : 'revoked' })
      .expect(200);
  }
  return { patientId, reach, address: reach === 'sms' ? phone : email };
}

/** Enrols the patient in an appointment reminder whose appointment is `appointmentInMs` away. */
export async function startReminder(
  http: App,
  patient: DrillPatient,
  appointmentInMs: number,
): Promise<DrillJourney> {
  const appointmentAt = new Date(Date.now() + appointmentInMs).toISOString();
  const id = await startOnce(http, {
    journey: 'appointment-reminder',
    patientId: patient.patientId,
    params: { appointmentAt, reminderLeadHours: 1, timeZone: 'UTC' },
  });
  return { id, ...patient, appointmentAt };
}

const ENROLMENT_PATIENCE_MS = 60_000;

/** Enrolments the API answered with a 5xx, by status, that the client then sent again. */
export const enrolmentRetries: Record<number, number> = {};

/**
 * Starts a journey as an EHR integration would: the API starts it, then asks a worker for its
 * state; with the worker down that question fails (503, or 500 when Temporal itself reports the
 * query failed). The client then looks the patient's journey up in the list (answered without a
 * worker) and sends the same request again only if none is there yet: a resend of an enrolment
 * answers with the journey already started, never a second one.
 */
async function startOnce(http: App, body: { patientId: string } & Record<string, unknown>): Promise<string> {
  const giveUpAt = Date.now() + ENROLMENT_PATIENCE_MS;
  for (;;) {
    const response = await request(http).post('/api/journeys').set(asOperator).send(body);
    if (response.status === 201 || response.status === 200) return response.body.id as string;
    if (response.status < 500) {
      throw new Error(`enrolment answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    if (Date.now() > giveUpAt) throw new Error(`enrolment kept answering ${response.status}`);
    enrolmentRetries[response.status] = (enrolmentRetries[response.status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // The list may fail too (the API records who read it in PostgreSQL): then send again.
    const listed = await request(http)
      .get('/api/journeys')
      .query({ patientId: body.patientId })
      .set(asOperator);
    const [existing] = listed.status === 200 ? (listed.body.items as Array<{ id: string }>) : [];
    if (existing) return existing.id;
  }
}

/** Waits until Temporal reports every journey closed; asks the server, so no worker needs to answer. */
export async function waitUntilClosed(stack: DrillStack, journeys: DrillJourney[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let open = journeys;
  while (open.length > 0 && Date.now() < deadline) {
    const statuses = await Promise.all(
      open.map((journey) =>
        stack.temporal.workflow
          .getHandle(journey.id)
          .describe()
          .then((description) => description.status.name)
          .catch(() => 'UNREACHABLE'),
      ),
    );
    open = open.filter((_, index) => statuses[index] === 'RUNNING' || statuses[index] === 'UNREACHABLE');
    if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return open;
}

/** What a user can see of one journey once it has ended, from the API and at the providers. */
export interface JourneyOutcome {
  id: string;
  reach: Reach;
  status: string;
  stage: string;
  /** Timeline lines about delivering the reminder (sent, or reached no channel), and staff tasks. */
  deliveryLines: number;
  staffTaskLines: number;
  /** The timeline line saying the appointment time came: the journey's timer fired. */
  appointmentTimeReached: boolean;
  /** The outreach log: the channel of each attempt that reached (or may have reached) the patient. */
  messages: string[];
  /** How many SMS or emails the patient's address received at the providers. */
  received: number;
  /** Staff calls the journey raised, whatever became of them. */
  staffCalls: number;
  /** Raised calls still open or claimed: none once the journey has ended (HZ-95). */
  openStaffCalls: number;
  /** An attempt a crash left in doubt whose provider cannot be asked (SMTP): logged `uncertain`. */
  unconfirmed: boolean;
}

export async function outcomeOf(stack: DrillStack, journey: DrillJourney): Promise<JourneyOutcome> {
  const api = () => request(stack.http);
  const [detail, messages, tasks] = await Promise.all([
    api().get(`/api/journeys/${journey.id}`).set(asOperator).expect(200),
    api().get(`/api/journeys/${journey.id}/messages`).set(asOperator).expect(200),
    api()
      .get('/api/staff-tasks')
      .query({ journeyId: journey.id, status: 'open,claimed,done,cancelled' })
      .set(asOperator)
      .expect(200),
  ]);
  const timeline = detail.body.timeline as Array<{ kind: string; summary: string }>;
  const logged = messages.body as Array<{ channel: string; status: string }>;
  const calls = (tasks.body.items as Array<{ kind: string; status: string }>).filter(
    (task) => task.kind === 'call',
  );
  unconfirmedAttempts.count += logged.filter((message) => message.status === 'uncertain').length;
  return {
    id: journey.id,
    reach: journey.reach,
    status: detail.body.status as string,
    stage: detail.body.stage as string,
    deliveryLines: timeline.filter((entry) => entry.kind === 'message').length,
    // The lines raising a task; an ended journey adds one closing its open calls.
    staffTaskLines: timeline.filter(
      (entry) => entry.kind === 'task' && entry.summary.startsWith('Staff task'),
    ).length,
    appointmentTimeReached: timeline.some((entry) => entry.summary.includes('appointment time reached')),
    messages: logged.map(({ channel, status }) =>
      REACHED_OR_MAYBE.includes(status) ? channel : `${channel} ${status}`,
    ),
    received: receivedAt(stack, journey),
    staffCalls: calls.length,
    openStaffCalls: calls.filter((task) => task.status === 'open' || task.status === 'claimed').length,
    unconfirmed: logged.some((message) => message.status === 'uncertain'),
  };
}

/** Outcomes of many journeys, ten at a time: the API and the shared PostgreSQL serve other tests too. */
export async function outcomesOf(stack: DrillStack, journeys: DrillJourney[]): Promise<JourneyOutcome[]> {
  const outcomes: JourneyOutcome[] = [];
  for (let from = 0; from < journeys.length; from += 10) {
    const batch = journeys.slice(from, from + 10);
    outcomes.push(...(await Promise.all(batch.map((journey) => outcomeOf(stack, journey)))));
  }
  return outcomes;
}

/** The outcome every drill journey must have, whatever fault was injected while it ran. */
export function expectedOutcome(journey: DrillJourney): JourneyOutcome {
  const messaged = journey.reach !== 'staff-call';
  const attended = journey.end === 'attended';
  return {
    id: journey.id,
    reach: journey.reach,
    status: 'completed',
    stage: attended ? 'attended' : 'appointment-time',
    deliveryLines: 1,
    staffTaskLines: messaged ? 0 : 1,
    appointmentTimeReached: !attended,
    messages: messaged ? [journey.reach] : [],
    received: messaged ? 1 : 0,
    staffCalls: messaged ? 0 : 1,
    openStaffCalls: 0,
    unconfirmed: false,
  };
}

/**
 * As expectedOutcome, but a delivery a crash left in doubt (`seen.unconfirmed`) is allowed, on
 * the terms the product sets: never sent twice (the patient has it at most once), and a person
 * asked to check with the patient (one staff call task and its timeline line).
 */
export function expectedOutcomeAllowingDoubt(journey: DrillJourney, seen: JourneyOutcome): JourneyOutcome {
  const expected = expectedOutcome(journey);
  if (!seen.unconfirmed) return expected;
  return {
    ...expected,
    unconfirmed: true,
    // Received once or not at all: a second copy would fail the comparison.
    received: seen.received <= 1 ? seen.received : 1,
    staffTaskLines: 1,
    staffCalls: 1,
  };
}

function receivedAt(stack: DrillStack, journey: DrillJourney): number {
  if (journey.reach === 'sms')
    return stack.providers.sms.messages().filter((sms) => sms.to === journey.address).length;
  return stack.providers.smtp.messages().filter((mail) => mail.to.includes(journey.address)).length;
}

/** For a failing drill: what each journey that ended differently went through, with timestamps. */
export async function explainMismatches(
  stack: DrillStack,
  journeys: DrillJourney[],
  outcomes: JourneyOutcome[],
  expected: JourneyOutcome[] = journeys.map((journey) => expectedOutcome(journey)),
): Promise<void> {
  for (const [index, journey] of journeys.entries()) {
    if (JSON.stringify(outcomes[index]) === JSON.stringify(expected[index])) continue;
    const detail = await request(stack.http).get(`/api/journeys/${journey.id}`).set(asOperator);
    const history = await stack.temporal.workflow.getHandle(journey.id).fetchHistory();
    const events = (history.events ?? []).map(
      (event) =>
        `${new Date(Number(event.eventTime?.seconds ?? 0) * 1000).toISOString()} ${String(event.eventType)}`,
    );
    console.log(
      `journey ${journey.id} (${journey.reach}, appointment ${journey.appointmentAt}):\n` +
        `timeline ${JSON.stringify(detail.body.timeline, null, 1)}\nhistory\n${events.join('\n')}`,
    );
  }
}
