import { ehrWithDeaths } from '../../test/helpers/ehr-with-deaths';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { drillSize } from '../../test/helpers/drills/drill-size';
import {
  HARNESS_PSEUDONYM_KEY,
  HOUR,
  createJourneyHarness,
  stepOf,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import { uniqueName } from '../../test/helpers/test-stack';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  resumeJourneyUpdate,
  type JourneyEvent,
} from '../../contracts/journey-contract';
import { APPOINTMENT_REMINDER } from './appointment-reminder.contract';

/*
 * The appointment reminder on the real workflow and the time-skipping server, under random
 * sequences of what the EHR and operators send (reschedules earlier and later, cancellations,
 * attendance, pauses, resumes, operator cancels), for living and deceased patients: 12 sequences,
 * 100 with CAREPATH_DRILLS=full. Which Appointment reaches which reminder is proved on the pure
 * routing code (test/clinical-safety/journey-routing.property.spec.ts).
 */

type Action =
  | { kind: 'reschedule'; hoursAhead: number }
  | { kind: 'cancelled' | 'attended' | 'pause' | 'resume' | 'operator-cancel' };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reschedule' as const),
      hoursAhead: fc.integer({ min: 2, max: 24 * 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('cancelled' as const, 'attended' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('operator-cancel' as const) }) },
);

const scenario = fc.record({
  appointmentInHours: fc.integer({ min: 30, max: 24 * 6 }),
  deceased: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  steps: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), action), { minLength: 1, maxLength: 6 }),
});

describe('[HZ-28] [HZ-30] appointment reminder under random event sequences (real workflow)', () => {
  let harness: JourneyHarness;
  /** The EHR: patients whose id starts with `deceased-` are recorded as deceased. */
  const ehr = ehrWithDeaths();

  beforeAll(async () => {
    harness = await createJourneyHarness('appointment-reminder-property', { fhir: ehr });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const runs = drillSize({ reduced: 12, full: 100 });

  test(`${runs} seeded sequences: one reminder per appointment time, before it, never while paused, after the end, or to a deceased patient`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ appointmentInHours, deceased, steps }) => {
        const patientId = uniqueName(deceased ? 'deceased-pat' : 'pat');
        const handle = await harness.start(APPOINTMENT_REMINDER, {
          params: {
            appointmentAt: new Date((await harness.now()) + appointmentInHours * HOUR).toISOString(),
            appointmentId: uniqueName('appt'),
          },
          patientId,
          patientRef: patientRefFor(patientId, HARNESS_PSEUDONYM_KEY),
        });
        const silent: Array<{ from: number; to: number; why: string }> = [];
        let pausedSince: number | undefined;
        for (const [hours, next] of steps) {
          await harness.env.sleep(hours * HOUR + 7 * 60_000); // off the hour: no timer fires with the update
          const now = await harness.now();
          const accepted = await act(handle, next, now);
          if (!accepted) continue;
          if (next.kind === 'pause') pausedSince = now;
          if (next.kind === 'resume' && pausedSince !== undefined) {
            silent.push({ from: pausedSince, to: now, why: 'paused' });
            pausedSince = undefined;
          }
          if (['cancelled', 'attended', 'operator-cancel'].includes(next.kind)) {
            silent.push({ from: now, to: Infinity, why: next.kind });
          }
        }
        await harness.env.sleep(8 * 24 * HOUR);
        if (pausedSince !== undefined) silent.push({ from: pausedSince, to: Infinity, why: 'paused' });
        if (deceased) silent.push({ from: 0, to: Infinity, why: 'deceased' });

        const messages = await harness.messagesOf(handle.workflowId);
        const problems = messages.flatMap((message) => {
          const at = message.plannedAt.getTime();
          const step = stepOf(message) ?? '';
          const appointmentAt = Date.parse(step.replace(/^reminder:/, ''));
          return [
            ...silent
              .filter((window) => at >= window.from && at < window.to)
              .map((window) => `${step} at ${message.plannedAt.toISOString()} (${window.why})`),
            ...(at >= appointmentAt
              ? [`${step} sent at ${message.plannedAt.toISOString()}, after the appointment`]
              : []),
          ];
        });
        const stepKeys = messages.map((message) => stepOf(message));
        expect(problems).toEqual([]);
        expect(new Set(stepKeys).size).toBe(stepKeys.length); // one reminder per appointment time
        if (deceased) expect(messages).toEqual([]);
      }),
      { seed: 20261207, numRuns: runs, endOnFailure: true },
    );
  });

  async function act(handle: WorkflowHandle, next: Action, now: number): Promise<boolean> {
    const event = (value: JourneyEvent) => handle.executeUpdate(journeyEventUpdate, { args: [value] });
    try {
      switch (next.kind) {
        case 'reschedule':
          await event({
            type: 'appointment-rescheduled',
            appointmentAt: new Date(now + next.hoursAhead * HOUR).toISOString(),
          });
          break;
        case 'cancelled':
          await event({ type: 'appointment-cancelled' });
          break;
        case 'attended':
          await event({ type: 'appointment-attended' });
          break;
        case 'pause':
          await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient asked' }] });
          break;
        case 'resume':
          await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Patient ready' }] });
          break;
        case 'operator-cancel':
          await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Operator' }] });
          break;
      }
      return true;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
});
