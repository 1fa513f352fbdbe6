import { ehrWithDeaths } from '../../test/helpers/ehr-with-deaths';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { codedFollowUp, definitionFollowUp } from '../../test/helpers/emergency-follow-up-variants';
import {
  DAY,
  HARNESS_PSEUDONYM_KEY,
  HOUR,
  createJourneyHarness,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import { uniqueName } from '../../test/helpers/test-stack';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  progressQuery,
  type JourneyEvent,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import type { EmergencyFollowUpEvent } from './emergency-follow-up.contract';

/*
 * The wiring, on the real workflow and the time-skipping server: random sequences of what the EHR
 * and staff send a running follow-up (later and earlier visits with every kind of disposition,
 * appointments in any order, admissions before and after the discharge, confirmations, declines),
 * for patients alive and recorded as deceased. The 1,000-sequence run is on the pure decision code
 * (test/clinical-safety/journey-routing.property.spec.ts); this is 16 sequences, 100 with
 * CAREPATH_DRILLS=full. The same sequences run against the journey written as a definition
 * (contracts/journey-definitions/examples/emergency-follow-up.json) on the interpreter.
 */

/** Dispositions a nudge is never right for, and those a person must confirm first (brief clinical-safety.md). */
const NEVER_NUDGED = new Set(['exp', 'hosp', 'other-hcf', 'snf', 'long']);
const STAFF_CHECK = new Set(['unknown', 'oth', 'made-up']);
const dispositions = ['home', 'aadvice', 'unknown', 'oth', 'made-up', 'hosp', 'other-hcf', 'snf'] as const;

type Action =
  | { kind: 'visit'; hoursFromDischarge: number; disposition: (typeof dispositions)[number] }
  | { kind: 'booked'; inHours: number }
  | { kind: 'cancelled' | 'no-show' | 'attended' | 'declined' }
  | { kind: 'admitted'; hoursFromDischarge: number }
  | { kind: 'confirmed'; disposition: 'home' | 'aadvice' | 'hosp' | 'oth' };

// Weighted so that most sequences live long enough to message: endings are rarer than the rest.
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('visit' as const),
      hoursFromDischarge: fc.integer({ min: -48, max: 24 * 6 }),
      disposition: fc.constantFrom(...dispositions),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('booked' as const),
      inHours: fc.integer({ min: 30, max: 24 * 10 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('cancelled' as const, 'no-show' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('attended' as const, 'declined' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('admitted' as const),
      hoursFromDischarge: fc.integer({ min: -72, max: 24 * 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('confirmed' as const),
      disposition: fc.constantFrom('home' as const, 'aadvice' as const, 'hosp' as const, 'oth' as const),
    }),
  },
);

const scenario = fc.record({
  disposition: fc.constantFrom(...dispositions, 'home', 'unknown', 'aadvice'),
  deceased: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  steps: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), action), { minLength: 1, maxLength: 6 }),
});

describe.each([
  ['coded', codedFollowUp],
  ['definition', definitionFollowUp],
])('emergency follow-up, %s, under random event sequences (real workflow)', (_name, variant) => {
  let harness: JourneyHarness;
  /** The EHR: patients whose id starts with `deceased-` are recorded as deceased. */
  const ehr = ehrWithDeaths();

  beforeAll(async () => {
    harness = await createJourneyHarness('emergency-follow-up-property', { fhir: ehr });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const runs = drillSize({ reduced: 16, full: 100 });

  test(`[HZ-23] [HZ-24] [HZ-26] [HZ-27] [HZ-28] ${runs} seeded sequences: no message after death, while a disposition is unconfirmed, for hospice or a transfer, or after the journey ended`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ disposition, deceased, steps }) => {
        const patientId = uniqueName(deceased ? 'deceased-pat' : 'pat');
        const dischargedAt = (await harness.now()) - HOUR;
        const handle = await variant.start(harness, {
          params: {
            encounterId: 'enc-0',
            dischargedAt: new Date(dischargedAt).toISOString(),
            dischargeDisposition: disposition,
            timeZone: 'UTC',
          },
          patientId,
          patientRef: patientRefFor(patientId, HARNESS_PSEUDONYM_KEY),
        });
        /** Workflow-time windows in which no message may go out, from what the journey accepted. */
        const silent: Array<{ from: number; to: number; why: string }> = [];
        let heldSince: number | undefined = STAFF_CHECK.has(disposition) ? dischargedAt : undefined;
        let latestDischarge = dischargedAt;
        if (NEVER_NUDGED.has(disposition))
          silent.push({ from: dischargedAt, to: Infinity, why: disposition });

        for (const [hours, next] of steps) {
          await harness.env.sleep(hours * HOUR + 7 * 60_000); // off the hour: no timer fires with the update
          const now = await harness.now();
          const event = eventFor(next, latestDischarge, now);
          const accepted = await send(handle, event);
          if (!accepted) continue;
          if (event.type === 'emergency-visit') {
            latestDischarge = Date.parse(event.dischargedAt);
            const code = event.dischargeDisposition;
            if (heldSince !== undefined && !STAFF_CHECK.has(code)) {
              silent.push({ from: heldSince, to: now, why: 'unconfirmed disposition' });
              heldSince = undefined;
            }
            if (STAFF_CHECK.has(code) && heldSince === undefined) heldSince = now;
            if (NEVER_NUDGED.has(code)) silent.push({ from: now, to: Infinity, why: code });
          }
          if (event.type === 'disposition-confirmed') {
            if (heldSince !== undefined)
              silent.push({ from: heldSince, to: now, why: 'unconfirmed disposition' });
            heldSince = undefined;
            if (NEVER_NUDGED.has(event.dischargeDisposition)) {
              silent.push({ from: now, to: Infinity, why: `confirmed ${event.dischargeDisposition}` });
            }
          }
          if (['readmitted', 'declined', 'appointment-attended'].includes(event.type)) {
            silent.push({ from: now, to: Infinity, why: `ended by ${event.type}` });
          }
        }
        await harness.env.sleep(20 * DAY);
        if (heldSince !== undefined)
          silent.push({ from: heldSince, to: Infinity, why: 'unconfirmed disposition' });
        if (deceased) silent.push({ from: dischargedAt, to: Infinity, why: 'deceased' });

        const messages = await harness.messagesOf(handle.workflowId);
        const breaches = messages.flatMap((message) => {
          const at = message.plannedAt.getTime();
          return silent
            .filter((window) => at >= window.from && at < window.to)
            .map((window) => `${message.template} at ${message.plannedAt.toISOString()} (${window.why})`);
        });
        expect(breaches).toEqual([]);
        const progress: JourneyProgress = await handle.query(progressQuery);
        variant.expectStagesKnown(progress);
        // Every path ends or waits on a booked visit's outcome: nothing else is left waiting for good.
        if (progress.status === 'active') {
          expect(progress.stage).toBe('booked');
          await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of sequence' }] });
        }
      }),
      { seed: 20261207, numRuns: runs, endOnFailure: true },
    );
  });

  async function send(handle: WorkflowHandle, event: EmergencyFollowUpEvent): Promise<boolean> {
    try {
      await handle.executeUpdate(journeyEventUpdate, { args: [event as JourneyEvent] });
      return true;
    } catch (error) {
      // Refused by the journey's validator, or the journey has ended (as the EHR dispatcher treats it).
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
});

function eventFor(next: Action, latestDischarge: number, now: number): EmergencyFollowUpEvent {
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (next.kind) {
    case 'visit':
      return {
        type: 'emergency-visit',
        encounterId: `enc-${next.hoursFromDischarge}`,
        dischargedAt: iso(Math.min(now, latestDischarge + next.hoursFromDischarge * HOUR)),
        dischargeDisposition: next.disposition,
      };
    case 'booked':
      return { type: 'appointment-booked', appointmentAt: iso(now + next.inHours * HOUR) };
    case 'cancelled':
      return { type: 'appointment-cancelled' };
    case 'no-show':
      return { type: 'appointment-no-show' };
    case 'attended':
      return { type: 'appointment-attended' };
    case 'declined':
      return { type: 'declined' };
    case 'admitted':
      return { type: 'readmitted', at: iso(Math.min(now, latestDischarge + next.hoursFromDischarge * HOUR)) };
    case 'confirmed':
      return { type: 'disposition-confirmed', dischargeDisposition: next.disposition };
  }
}
