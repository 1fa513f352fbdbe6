import type { App } from 'supertest/types';
import { registerPatient, startReminder, type DrillJourney, type DrillPatient } from './reminder-journeys';

/** Registers `count` drill patients, ten at a time. */
export async function registerPatients(http: App, drill: string, count: number): Promise<DrillPatient[]> {
  const patients: DrillPatient[] = [];
  for (let from = 0; from < count; from += 10) {
    const indexes = Array.from({ length: Math.min(10, count - from) }, (_, offset) => from + offset);
    patients.push(...(await Promise.all(indexes.map((index) => registerPatient(http, drill, index)))));
  }
  return patients;
}

/**
 * Enrols the patients evenly over `spanMs`, so faults land among journeys at every step. Each
 * enrolment goes at its own time, whatever became of the previous one: one that waits for a
 * worker (or Temporal, or the database) to come back must not hold up the patients after it.
 */
export async function enrolOverTime(
  http: App,
  patients: DrillPatient[],
  options: { spanMs: number; appointmentInMs: number },
): Promise<DrillJourney[]> {
  const settled = await Promise.allSettled(
    patients.map(async (patient, index) => {
      await pause((index * options.spanMs) / patients.length);
      return startReminder(http, patient, options.appointmentInMs);
    }),
  );
  // Settled first, then judged: no enrolment may still be in flight when a test tears down.
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<DrillJourney>).value);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** A pause between min and max: faults at fixed intervals would line up with the journeys' own rhythm. */
export function jitteredPause(minMs: number, maxMs: number): Promise<void> {
  return pause(minMs + Math.random() * (maxMs - minMs));
}
