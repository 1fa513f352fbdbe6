import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { DAY, HOUR, createJourneyHarness, type JourneyHarness } from '../../test/helpers/journey-harness';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type JourneyEvent,
} from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH, screeningItems, type ScreeningItem } from './preventive-outreach.contract';
import type { OneSideRecord } from './screening-exclusion';
import { localDate } from './screening-due';
import { decideExclusion, decideScreeningDone, type RecordDecision } from './screening-record';
import { exclusionReasons, exclusionRules, screeningTestIds, screeningTests } from './screening-value-sets';

/*
 * The wiring of the pure decisions (preventive-outreach.properties.test.ts runs them by the
 * thousand) into the real workflow on the time-skipping server: a few seeded random sequences of
 * screening records, exclusions, appointments and operator pauses, each against a fresh journey.
 * The journey must do what the pure decision says, refuse what it refuses, and send nothing once
 * closed. CAREPATH_DRILLS=full runs more.
 */

const RUNS = drillSize({ reduced: 12, full: 100 });

type Step =
  | { kind: 'sleep'; hours: number }
  | { kind: 'done'; test: (typeof screeningTestIds)[number]; daysAgo: number }
  | {
      kind: 'excluded';
      reason: (typeof exclusionReasons)[number];
      side?: 'left' | 'right' | 'unknown';
      daysAgo: number;
    }
  | { kind: 'booked' }
  | { kind: 'cancelled' }
  | { kind: 'pause' };

/** Steps for one item's journey: its own tests and exclusions more often than other items'. */
function stepArbFor(item: ScreeningItem): fc.Arbitrary<Step> {
  const own = screeningTestIds.filter((test) => screeningTests[test].item === item);
  const ownReasons = exclusionRules.filter((rule) => rule.item === item).map((rule) => rule.reason);
  const daysAgo = fc.oneof(fc.integer({ min: -3, max: 400 }), fc.integer({ min: 0, max: 4000 }));
  return fc.oneof(
    fc.integer({ min: 1, max: 96 }).map((hours): Step => ({ kind: 'sleep', hours })),
    fc
      .record({
        test: own.length
          ? fc.oneof(fc.constantFrom(...own), fc.constantFrom(...screeningTestIds))
          : fc.constantFrom(...screeningTestIds),
        daysAgo,
      })
      .map((step): Step => ({ kind: 'done', ...step })),
    fc
      .record({
        reason: ownReasons.length
          ? fc.oneof(fc.constantFrom(...ownReasons), fc.constantFrom(...exclusionReasons))
          : fc.constantFrom(...exclusionReasons),
        side: fc.option(fc.constantFrom('left' as const, 'right' as const, 'unknown' as const), {
          nil: undefined,
        }),
        daysAgo: fc.integer({ min: 0, max: 3000 }),
      })
      .map(({ side, ...rest }): Step => ({ kind: 'excluded', ...rest, ...(side ? { side } : {}) })),
    fc.constant<Step>({ kind: 'booked' }),
    fc.constant<Step>({ kind: 'cancelled' }),
    fc.constant<Step>({ kind: 'pause' }),
  );
}

const runArb = fc
  .constantFrom(...screeningItems)
  .chain((item) => fc.tuple(fc.constant(item), fc.array(stepArbFor(item), { minLength: 1, maxLength: 8 })));

describe('preventive outreach under random event sequences (time-skipping workflow)', () => {
  let harness: JourneyHarness;
  let run = 0;

  beforeAll(async () => {
    harness = await createJourneyHarness('preventive-outreach-properties');
  });
  afterAll(async () => {
    await harness?.close();
  });

  const send = (handle: WorkflowHandle, event: JourneyEvent) =>
    handle.executeUpdate(journeyEventUpdate, { args: [event] });

  test('[HZ-60] [HZ-61] [HZ-62] [HZ-65] the journey closes exactly when the decision says, refuses other items, and sends nothing after', async () => {
    const closed = { completed: 0, excluded: 0 };
    await fc.assert(
      fc.asyncProperty(runArb, async ([item, steps]) => {
        run += 1;
        const patientId = `pat-property-${run}`;
        const handle = await harness.start(PREVENTIVE_OUTREACH, {
          params: { item },
          patientId,
          patientRef: `ref-${patientId}`,
        });
        let expected: 'open' | 'completed' | 'excluded' = 'open';
        let paused = false;
        let booked = false;
        const oneSides: OneSideRecord[] = [];
        for (const step of steps) {
          if (expected !== 'open') break;
          const now = await harness.now();
          const today = localDate(now, 'UTC');
          const dateBefore = (days: number) => localDate(now - days * DAY, 'UTC');
          const context = {
            item,
            today,
            intervalOf: (test: keyof typeof screeningTests) => screeningTests[test].validForMonths,
          };
          if (step.kind === 'sleep') {
            await harness.env.sleep(step.hours * HOUR);
            continue;
          }
          if (step.kind === 'pause') {
            await handle.executeUpdate(paused ? resumeJourneyUpdate : pauseJourneyUpdate, {
              args: [{ reason: 'Property run' }],
            });
            paused = !paused;
            continue;
          }
          if (step.kind === 'booked' || step.kind === 'cancelled') {
            const event: JourneyEvent =
              step.kind === 'booked'
                ? { type: 'appointment-booked', appointmentAt: new Date(now + 5 * DAY).toISOString() }
                : { type: 'appointment-cancelled' };
            const valid = step.kind === 'booked' ? !booked : booked;
            if (valid) {
              await send(handle, event);
              booked = step.kind === 'booked';
            } else {
              await expect(send(handle, event)).rejects.toThrow(WorkflowUpdateFailedError);
            }
            continue;
          }
          let decision: RecordDecision;
          let event: JourneyEvent;
          if (step.kind === 'done') {
            event = {
              type: 'screening-done',
              at: dateBefore(step.daysAgo),
              test: step.test,
              code: 'http://example.org|x',
            };
            decision = decideScreeningDone(event as never, context);
          } else {
            event = {
              type: 'screening-excluded',
              reason: step.reason,
              code: 'http://example.org|x',
              at: dateBefore(step.daysAgo),
              ...(step.side ? { side: step.side } : {}),
            };
            decision = decideExclusion(event as never, context, oneSides);
          }
          if (decision.kind === 'refuse') {
            await expect(send(handle, event)).rejects.toThrow(WorkflowUpdateFailedError);
            continue;
          }
          const progress = await send(handle, event);
          if (step.kind === 'excluded' && step.side)
            oneSides.push({ side: step.side, at: event.at as string });
          if (decision.kind === 'complete') expected = 'completed';
          if (decision.kind === 'exclude') expected = 'excluded';
          expect(
            progress.stage === 'completed' || progress.stage === 'excluded' ? progress.stage : 'open',
          ).toBe(expected);
        }
        if (expected === 'open') {
          expect((await handle.query(progressQuery)).status).toBe(paused ? 'paused' : 'active');
          await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of property run' }] });
          return;
        }
        const final = (await handle.result()) as { stage: string; status: string };
        expect(final).toMatchObject({ status: 'completed', stage: expected });
        const sent = (await harness.messagesOf(handle.workflowId)).length;
        await harness.env.sleep('40 days');
        expect(await harness.messagesOf(handle.workflowId)).toHaveLength(sent);
        for (const task of await harness.tasksOf(handle.workflowId)) {
          expect(['cancelled', 'done']).toContain(task.status);
        }
        closed[expected] += 1;
      }),
      { seed: 20261207, numRuns: RUNS },
    );
    // The seeded runs did reach both ends: the property was not checked vacuously.
    expect(closed.completed).toBeGreaterThan(0);
    expect(closed.excluded).toBeGreaterThan(0);
  });
});
