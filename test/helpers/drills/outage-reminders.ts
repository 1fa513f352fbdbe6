import request from 'supertest';
import type { App } from 'supertest/types';
import { DEMO_KEYS } from '../api-stack';
import { pause } from './fault-schedule';
import { startReminder, type DrillJourney, type DrillPatient } from './reminder-journeys';

/*
 * Journeys whose reminder falls due inside a fault window. Enrolled before the fault, each sleeps
 * on a durable timer that fires while the fault lasts, so its delivery activity (deliverMessage,
 * then createStaffTask for a staff call) runs into the fault and must retry through it. The
 * reminder's shortest lead is one hour (startReminder sends reminderLeadHours: 1), so the
 * appointment is an hour after the reminder: once the reminder went out, the patient attends
 * (an EHR event) and the journey ends at once, as expectedOutcome expects of `end: 'attended'`.
 */

const REMINDER_LEAD_MS = 60 * 60 * 1000;
const asOperator = { Authorization: DEMO_KEYS.operator };

/**
 * Enrols the patients evenly over `enrolSpanMs` (start it before the fault: enrolling needs the
 * whole stack), the i-th with its reminder due at an instant spread evenly from `dueFrom` to
 * `dueTo` (epoch milliseconds).
 */
export async function enrolRemindersDueAt(
  http: App,
  patients: DrillPatient[],
  options: { enrolSpanMs: number; dueFrom: number; dueTo: number },
): Promise<DrillJourney[]> {
  const step = patients.length > 1 ? (options.dueTo - options.dueFrom) / (patients.length - 1) : 0;
  const settled = await Promise.allSettled(
    patients.map(async (patient, index): Promise<DrillJourney> => {
      await pause((index * options.enrolSpanMs) / patients.length);
      const dueAt = options.dueFrom + index * step;
      const journey = await startReminder(http, patient, dueAt + REMINDER_LEAD_MS - Date.now());
      return { ...journey, end: 'attended' };
    }),
  );
  // Settled first, then judged: no enrolment may still be in flight when a test tears down.
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<DrillJourney>).value);
}

/**
 * Once each journey shows its reminder sent (stage `reminded`), tells it the patient attended.
 * Asks ten journeys at a time, every second, until all are told or `timeoutMs` passes; a 5xx
 * (no worker answered, or the database is still coming back) is asked again. Returns the
 * journeys never told, with the stage they were last seen in.
 */
export async function attendOnceReminded(
  http: App,
  journeys: DrillJourney[],
  timeoutMs: number,
): Promise<Array<{ id: string; lastSeen: string }>> {
  const deadline = Date.now() + timeoutMs;
  const lastSeen = new Map(journeys.map((journey) => [journey.id, 'not asked']));
  let waiting = journeys;
  while (waiting.length > 0 && Date.now() < deadline) {
    const told = new Set<string>();
    for (let from = 0; from < waiting.length; from += 10) {
      // Settled first, then judged: no request may still be in flight when a test tears down.
      const settled = await Promise.allSettled(
        waiting.slice(from, from + 10).map(async (journey) => {
          if (await tellAttendedIfReminded(http, journey.id, lastSeen)) told.add(journey.id);
        }),
      );
      const failure = settled.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    }
    waiting = waiting.filter((journey) => !told.has(journey.id));
    if (waiting.length > 0) await pause(1000);
  }
  return waiting.map((journey) => ({ id: journey.id, lastSeen: lastSeen.get(journey.id)! }));
}

async function tellAttendedIfReminded(
  http: App,
  id: string,
  lastSeen: Map<string, string>,
): Promise<boolean> {
  const detail = await request(http).get(`/api/journeys/${id}`).set(asOperator);
  if (detail.status !== 200) {
    lastSeen.set(id, `GET answered ${detail.status}`);
    return false;
  }
  const { status, stage } = detail.body as { status: string; stage: string };
  lastSeen.set(id, `${status} ${stage}`);
  // Ended some other way: nothing to tell it; the drill's outcome check reports it.
  if (status === 'completed' || status === 'cancelled') return true;
  if (stage !== 'reminded') return false;
  const sent = await request(http)
    .post(`/api/journeys/${id}/events`)
    .set(asOperator)
    .send({ type: 'appointment-attended' });
  if (sent.status === 200 || sent.status === 409) return true;
  if (sent.status < 500) {
    throw new Error(`appointment-attended for ${id} answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  }
  lastSeen.set(id, `event answered ${sent.status}`);
  return false;
}
