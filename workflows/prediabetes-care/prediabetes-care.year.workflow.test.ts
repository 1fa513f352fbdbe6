import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { historiesOfRuns } from '../../test/helpers/run-histories';
import {
  createJourneyHarness,
  DAY,
  expectStagesInBlueprint,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import { progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import {
  countOf,
  JOURNEY,
  logLabResult,
  logReading,
  sendEvent,
  templatesReceived,
} from './prediabetes-care.test-support';

const YEAR_TEST_TIMEOUT_MS = 5 * 60_000;
/** A run's carried state may grow by a few facts; a run's timeline (about 60 entries) is ~9 KiB. */
const CARRIED_GROWTH_BOUND_BYTES = 1024;

describe('prediabetes care over a whole program year (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('prediabetes-year');
  });

  afterAll(async () => {
    await harness?.close();
  });

  test(
    'a year of weekly readings continues as new without losing state, and ends with the annual A1C and the CDC outcome',
    async () => {
      const handle = await harness.start(JOURNEY, {
        params: { entry: { kind: 'hba1c', value: 6.1 }, baselineWeightKg: 100, timeZone: 'America/New_York' },
      });
      const firstRunId = (await handle.describe()).runId;
      const runIds = new Set<string>([firstRunId]);
      // Off the hour of every timer: the time-skipping test server mishandles an update that lands
      // in the same workflow task as a firing timer.
      await harness.env.sleep('30 hours');

      // A reading of each kind a day after every week's start, and the latest session attended.
      for (let week = 0; week < 52; week++) {
        await logReading(handle, 'weight-kg', Math.round((100 - (4.5 * (week + 1)) / 52) * 10) / 10);
        await logReading(handle, 'fasting-glucose-mg-dl', Math.max(98, 112 - week * 1.5));
        await logReading(handle, 'activity-minutes', 160);
        await sendEvent(handle, { type: 'session-attended' });
        runIds.add((await handle.describe()).runId);
        await harness.env.sleep('7 days');
      }

      const atRetest = await handle.query(progressQuery);
      expectStagesInBlueprint(atRetest);
      expect(atRetest.stage).toBe('annual-retest');
      expect(await templatesReceived(harness, handle)).toContain('prediabetes-care.annual-retest');
      await logLabResult(harness, handle, 'hba1c-percent', 5.8);
      const final: JourneyProgress = await handle.result();

      // Continued as new at least once, and the state went with it.
      const lastRunId = (await handle.describe()).runId;
      expect(lastRunId).not.toBe(firstRunId);
      expect(runIds.size).toBeGreaterThan(1);
      expectStagesInBlueprint(final);
      expect(final).toMatchObject({ status: 'completed', stage: 'program-completed' });
      expect(final.facts).toMatchObject({
        sessionsOffered: 24,
        sessionsAttended: 24,
        readingsLogged: 52 * 3 + 1,
        baselineWeightKg: 100,
        latestWeightKg: 95.5,
        weightChangePercent: -4.5,
        averageActivityMinutesPerWeek: 160,
        baselineA1c: 6.1,
        latestA1c: 5.8,
        review: 'improved',
        cdcCriterion: 'weight-loss-4-percent-and-activity',
        cdcCriterionMet: true,
      });
      expect(final.facts.run).toBeGreaterThanOrEqual(runIds.size);
      // The timeline carried across runs is its newest part; the older entries are counted, and the
      // last run's compaction line is still there.
      expect(final.facts.timelineEntriesDropped).toBeGreaterThan(0);
      expect(final.timeline[0]!.at > final.startedAt).toBe(true);
      expect(final.timeline.some((entry) => entry.summary.startsWith('History compacted'))).toBe(true);
      expect(
        Date.parse(final.timeline.find((entry) => entry.ref === 'annual-retest')!.at),
      ).toBeGreaterThanOrEqual(Date.parse(final.startedAt) + 365 * DAY);

      // What each run carries stops growing once its timeline is full (CARRIED_TIMELINE_LIMIT
      // entries, by the fourth run): later runs add a few facts, not another run's timeline.
      const runs = await historiesOfRuns(harness.env.client, handle.workflowId, firstRunId);
      expect(runs.length).toBe(final.facts.run);
      expect(runs.length).toBeGreaterThanOrEqual(5);
      for (let run = 4; run < runs.length; run++) {
        expect(runs[run]!.inputBytes).toBeLessThanOrEqual(
          runs[run - 1]!.inputBytes + CARRIED_GROWTH_BOUND_BYTES,
        );
      }

      // The first reading of a week moves the inactivity nudge; the other events of the week leave
      // the next step where it was, so they keep its timer instead of cancelling and restarting it.
      const timersCancelled = runs.reduce((sum, run) => sum + run.timersCancelled, 0);
      expect(timersCancelled).toBeLessThanOrEqual(52);

      // Every message went out once, whichever run sent it; every session in order.
      const messages = await harness.messagesOf(handle.workflowId);
      const sessionSteps = [
        ...new Set(
          messages
            .map((message) => message.stepKey?.split('/').at(-1) ?? '')
            .filter((step) => step.startsWith('session:')),
        ),
      ];
      expect(sessionSteps).toEqual(Array.from({ length: 24 }, (_, index) => `session:${index + 1}`));
      expect(new Set(messages.map((message) => message.idempotencyKey)).size).toBe(messages.length);
      const received = messages.map((message) => message.template);
      expect(countOf(received, 'prediabetes-care.welcome')).toBe(1);
      expect(countOf(received, 'prediabetes-care.core-session')).toBe(15);
      expect(countOf(received, 'prediabetes-care.monthly-session')).toBe(8);
      expect(received.slice(-2)).toEqual([
        'prediabetes-care.annual-retest',
        'prediabetes-care.program-completed',
      ]);
      expect(messages.at(-1)!.body).toContain('reached its goal');
      expect(await harness.tasksOf(handle.workflowId)).toEqual([]);

      // The first run only: later runs carry a growing timeline and weigh megabytes; the short
      // program below records a restored run.
      await recordHistoryFixture(
        harness.env.client.workflow.getHandle(handle.workflowId, firstRunId),
        JOURNEY,
        'year-first-run-continued-as-new',
      );
    },
    YEAR_TEST_TIMEOUT_MS,
  );

  test('a short program continues as new at a low history limit; without the annual A1C it closes after the wait and asks staff to order it', async () => {
    const handle = await harness.start(JOURNEY, {
      params: { entry: { kind: 'condition', code: 'R73.03' } },
      settings: {
        programMonths: 3,
        coreSessions: 4,
        retestWaitDays: 10,
        historyEventsBeforeContinueAsNew: 100,
      },
    });
    const firstRunId = (await handle.describe()).runId;
    await harness.env.sleep('30 hours');
    for (let week = 0; week < 12; week++) {
      await logReading(handle, 'weight-kg', 90 - week * 0.2);
      await harness.env.sleep('7 days');
    }

    const final: JourneyProgress = await handle.result();

    expect((await handle.describe()).runId).not.toBe(firstRunId);
    expectStagesInBlueprint(final);
    expect(final).toMatchObject({ status: 'completed', stage: 'program-completed' });
    expect(final.facts).toMatchObject({
      cdcCriterion: 'not-met',
      sessionsOffered: 6,
      readingsLogged: 12,
      baselineWeightKg: 90,
      weightChangePercent: -2.4,
    });
    expect(final.facts.run).toBeGreaterThan(1);
    const retestAsked = Date.parse(final.timeline.find((entry) => entry.ref === 'annual-retest')!.at);
    const closed = Date.parse(final.timeline.at(-1)!.at);
    expect(closed - retestAsked).toBeGreaterThanOrEqual(10 * DAY);
    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({ kind: 'annual-a1c-missing', priority: 'routine' }),
    ]);
    expect((await templatesReceived(harness, handle)).at(-1)).toBe('prediabetes-care.program-completed');
    await recordHistoryFixture(handle, JOURNEY, 'short-program-restored-run-no-retest');
  });
});
