import type { WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { createJourneyHarness, HOUR, type JourneyHarness } from '../../test/helpers/journey-harness';
import {
  cancelJourneyUpdate,
  pauseJourneyUpdate,
  resumeJourneyUpdate,
} from '../../contracts/journey-contract';
import type { MeasurementSource, ReadingEvent } from './prediabetes-care.contract';
import { JOURNEY, sendEvent } from './prediabetes-care.test-support';
import { MINUTE_MS } from '../../contracts/durations';

/*
 * The wiring of prediabetes care's safety rules, on the real workflow and the shipped engagement
 * policy (quiet hours 21:00-08:00): seeded random sequences of readings (laboratory and monitoring,
 * both units, duplicated, backdated), clinician diagnoses, STOP, and operator pause, resume and
 * cancel. The pure decisions get 1,000 sequences in prediabetes-care.properties.spec.ts; here a
 * dozen whole journeys (more with CAREPATH_DRILLS=full) check that the workflow acts on them.
 */

const SEED = 7_122_026;
const SEQUENCES = drillSize({ reduced: 12, full: 60 });
const ZONE = 'America/Chicago';

type Op =
  | { kind: 'reading'; reading: Omit<ReadingEvent, 'type' | 'at'>; backdatedMinutes: number }
  | { kind: 'repeat' }
  | { kind: 'diagnosis' | 'pause' | 'resume' | 'cancel' | 'stop' };

const lab = (metric: ReadingEvent['metric'], value: number, unit?: string) => ({
  metric,
  value,
  source: 'laboratory' as MeasurementSource,
  ...(unit ? { unit } : {}),
});

const readingOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('reading' as const),
  reading: fc.oneof(
    // Laboratory results around the diabetes limits, in both units.
    fc.constantFrom(
      lab('hba1c-percent', 6.8),
      lab('hba1c-percent', 6.2),
      lab('hba1c-percent', 47, 'mmol/mol'),
      lab('hba1c-percent', 52, 'mmol/mol'),
      lab('fasting-glucose-mg-dl', 131),
      lab('fasting-glucose-mg-dl', 110),
      lab('fasting-glucose-mg-dl', 7.4, 'mmol/L'),
      lab('random-glucose-mg-dl', 240),
      lab('fasting-glucose-mg-dl', 540),
    ),
    // Monitoring values: high, low, critical, in both units, with every source.
    fc.record({
      metric: fc.constantFrom('fasting-glucose-mg-dl' as const),
      value: fc.constantFrom(45, 95, 140, 150, 180, 420),
      source: fc.constantFrom<MeasurementSource | undefined>(
        'home',
        'point-of-care',
        'patient-reported',
        undefined,
      ),
    }),
    fc.record({
      metric: fc.constantFrom('hba1c-percent' as const),
      value: fc.constantFrom(6.9, 7.5),
      source: fc.constantFrom<MeasurementSource>('home', 'point-of-care'),
    }),
    fc.record({ metric: fc.constant('weight-kg' as const), value: fc.constantFrom(88, 94) }),
  ),
  backdatedMinutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
});

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: readingOp },
  { weight: 3, arbitrary: fc.constant<Op>({ kind: 'repeat' }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'pause' }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'resume' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'stop' }) },
);

/** A journey may end early: a clinician's diagnosis or an operator's cancel, somewhere late in the sequence. */
const ending = fc.constantFrom<Op[]>([], [], [{ kind: 'diagnosis' }], [{ kind: 'cancel' }]);

/** Gaps between steps: odd minutes and seconds, so no update lands on the tick of a timer. */
const gapMs = fc.integer({ min: 7, max: 3 * 24 * 60 }).map((minutes) => minutes * MINUTE_MS + 17_000);

const sequences = fc.sample(
  fc
    .tuple(fc.array(fc.tuple(gapMs, op), { minLength: 6, maxLength: 18 }), ending, gapMs)
    .map(([steps, end, gap]) => [...steps, ...end.map((last) => [gap, last] as [number, Op])]),
  { seed: SEED, numRuns: SEQUENCES },
);

describe('[HZ-01] [HZ-04] [HZ-06] [HZ-07] [HZ-08] [HZ-19] prediabetes care under random event sequences (fast-check, time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('prediabetes-properties', { policy: {} });
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Skips the server's clock to the next `hh:mm` in the patient's zone. */
  async function skipToLocal(hour: number, minute: number): Promise<void> {
    const now = DateTime.fromMillis(await harness.now(), { zone: ZONE });
    let target = now.set({ hour, minute, second: 0, millisecond: 0 });
    if (target <= now) target = target.plus({ days: 1 });
    await harness.env.sleep(target.toMillis() - now.toMillis());
  }

  test('[HZ-07] [HZ-08] a critical value reaches a clinician at once while a message waits for the morning', async () => {
    const patientRef = 'ref-prediabetes-night-reading';
    await harness.seedContact(
      patientRef,
      { phone: '+15555557001', timeZone: ZONE, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    await skipToLocal(23, 10);
    const handle = await harness.start(JOURNEY, {
      params: { entry: { kind: 'condition' }, timeZone: ZONE, channel: 'sms' },
      patientRef,
    });
    await harness.env.sleep(20 * MINUTE_MS);
    await sendEvent(handle, {
      type: 'reading',
      metric: 'fasting-glucose-mg-dl',
      value: 41,
      source: 'home',
      at: new Date((await harness.now()) - 5 * MINUTE_MS).toISOString(),
    });
    await harness.env.sleep(10 * MINUTE_MS);

    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({ kind: 'critical-value', priority: 'urgent' }),
    ]);
    expect((await harness.messagesOf(handle.workflowId)).filter((m) => m.status === 'sent')).toEqual([]);
  });

  test.each(sequences.map((steps, index) => [index, steps] as const))(
    'sequence %i: [HZ-01] [HZ-04] [HZ-06] [HZ-07] [HZ-08] [HZ-19] no referral from monitoring values, every critical value reaches a clinician, nothing after STOP or in quiet hours',
    async (index, steps) => {
      const patientRef = `ref-prediabetes-property-${index}`;
      const phone = `+1555556${String(index).padStart(4, '0')}`;
      await harness.seedContact(
        patientRef,
        { phone, timeZone: ZONE, channelOrder: ['sms'] },
        { sms: 'granted' },
      );
      const handle: WorkflowHandle = await harness.start(JOURNEY, {
        params: { entry: { kind: 'condition' }, timeZone: ZONE, channel: 'sms' },
        settings: { tellPatientOfCriticalValue: true },
        patientRef,
      });

      const sent: ReadingEvent[] = [];
      const labDiabetesSamples = new Set<string>();
      const criticalSamples = new Set<string>();
      let diagnosed = false;
      let stoppedAtMs: number | null = null;
      for (const [gap, next] of steps) {
        await harness.env.sleep(gap);
        const nowMs = await harness.now();
        try {
          if (next.kind === 'reading' || next.kind === 'repeat') {
            const event: ReadingEvent | undefined =
              next.kind === 'reading'
                ? {
                    type: 'reading',
                    ...next.reading,
                    at: new Date(nowMs - next.backdatedMinutes * MINUTE_MS).toISOString(),
                  }
                : sent.at(-1);
            if (!event) continue;
            await sendEvent(handle, event);
            sent.push(event);
            const sample = `${event.metric}|${event.at}`;
            if (inDiabetesRangeFromLab(event)) labDiabetesSamples.add(sample);
            if (isCriticalGlucose(event)) criticalSamples.add(sample);
          } else if (next.kind === 'diagnosis') {
            await sendEvent(handle, { type: 'diabetes-diagnosed' });
            diagnosed = true;
          } else if (next.kind === 'pause') {
            await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient away' }] });
          } else if (next.kind === 'resume') {
            await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Back' }] });
          } else if (next.kind === 'cancel') {
            await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Left the practice' }] });
          } else {
            await harness.seedContact(
              patientRef,
              { phone, timeZone: ZONE, channelOrder: ['sms'] },
              { sms: 'revoked' },
            );
            stoppedAtMs ??= nowMs;
          }
        } catch {
          // Refused (the journey ended, not paused, already paused): nothing was applied.
        }
      }
      await harness.env.sleep(HOUR + 17_000);

      const tasks = await harness.tasksOf(handle.workflowId);
      const messages = await harness.messagesOf(handle.workflowId);
      const referred = tasks.some((task) => task.kind === 'referral-diabetes-care');
      // No diagnosis or referral from monitoring values or from one sample.
      if (referred) expect(diagnosed || labDiabetesSamples.size >= 2).toBe(true);
      if (messages.some((message) => message.template === 'prediabetes-care.referred-to-diabetes-care')) {
        expect(referred).toBe(true);
      }
      if (tasks.some((task) => task.kind === 'confirming-test'))
        expect(labDiabetesSamples.size).toBeGreaterThan(0);
      // Every critical value reaches a clinician, urgently.
      const critical = tasks.filter((task) => task.kind === 'critical-value');
      expect(critical).toHaveLength(criticalSamples.size);
      for (const task of critical) expect(task.priority).toBe('urgent');
      // Nothing by SMS after STOP; nothing planned inside quiet hours (21:00-08:00 in the patient's zone).
      for (const message of messages.filter((candidate) => candidate.status === 'sent')) {
        if (stoppedAtMs !== null && message.channel === 'sms') {
          expect(message.plannedAt.getTime()).toBeLessThan(stoppedAtMs);
        }
        const local = DateTime.fromJSDate(message.plannedAt, { zone: ZONE });
        expect(local.hour >= 8 && local.hour < 21).toBe(true);
      }
    },
  );
});

function inDiabetesRangeFromLab(event: ReadingEvent): boolean {
  if (event.source !== 'laboratory') return false;
  const limits: Record<string, number> = {
    'hba1c-percent|%': 6.5,
    'hba1c-percent|mmol/mol': 48,
    'fasting-glucose-mg-dl|mg/dL': 126,
    'fasting-glucose-mg-dl|mmol/L': 7.0,
  };
  const limit = limits[`${event.metric}|${event.unit ?? (event.metric === 'hba1c-percent' ? '%' : 'mg/dL')}`];
  return limit !== undefined && event.value >= limit;
}

/** The shipped defaults: >= 400 or < 54 mg/dL. */
function isCriticalGlucose(event: ReadingEvent): boolean {
  if (event.metric !== 'fasting-glucose-mg-dl' && event.metric !== 'random-glucose-mg-dl') return false;
  return event.unit === 'mmol/L'
    ? event.value >= 22.2 || event.value < 3.0
    : event.value >= 400 || event.value < 54;
}
