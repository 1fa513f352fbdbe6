import fc from 'fast-check';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { createJourneyHarness, DAY, type JourneyHarness } from '../../test/helpers/journey-harness';
import { journeyEventUpdate, progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import { ONCOLOGY_FAST_TRACK, type OncologyFastTrackEvent } from './oncology-fast-track.contract';
import { cardSequence } from './oncology-fast-track.test-support';

/*
 * The same random cards as the pure property test, a few of them through the real workflow on the
 * time-skipping server (more with CAREPATH_DRILLS=full): the wiring of alerts to staff tasks and of
 * stages to patient messages holds whatever the events do.
 */
const SEED = 7122026;
const RUNS = drillSize({ reduced: 12, full: 100 });
/** Off the hour, so no event lands in the workflow task of a deadline timer (time-skipping quirk). */
const OFF_THE_HOUR = 17 * 60 * 1000;

describe('oncology card properties through the workflow (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('oncology-properties');
  });
  afterAll(() => harness?.close());

  test(`[HZ-48] [HZ-52] [HZ-53] ${RUNS} random cards: every missed deadline is an urgent staff task, each stage message goes out once`, async () => {
    const sequences = fc.sample(cardSequence, { seed: SEED, numRuns: RUNS });
    for (const [index, sequence] of sequences.entries()) {
      const now = await harness.now();
      const shift = Math.ceil(now / DAY) * DAY + OFF_THE_HOUR - sequence.clockStartAt;
      const moved = (iso: string | undefined) =>
        iso ? new Date(Date.parse(iso) + shift).toISOString() : iso;
      await harness.env.sleep(sequence.clockStartAt + shift - now);
      const handle = await harness.start(ONCOLOGY_FAST_TRACK, {
        params: {
          cardId: `PROP-${index}-${now.toString(36)}`,
          profile: sequence.profile,
          timeZone: sequence.patientZone,
          ...(sequence.clockStartKnown
            ? { clockStartAt: new Date(sequence.clockStartAt + shift).toISOString() }
            : {}),
        },
      });
      let ended = false;
      for (const { event, arrivesAt } of sequence.arrivals) {
        if (ended) break;
        const current = await harness.now();
        if (arrivesAt + shift > current) await harness.env.sleep(arrivesAt + shift - current);
        const shifted = {
          ...event,
          ...('at' in event && event.at ? { at: moved(event.at) } : {}),
          ...('presentedAt' in event && event.presentedAt ? { presentedAt: moved(event.presentedAt) } : {}),
        } as OncologyFastTrackEvent;
        await handle.executeUpdate(journeyEventUpdate, { args: [shifted] }).catch(async () => {
          // Refused (the card's own rule) or the journey has ended: either way nothing changed.
          ended = (await handle.describe()).status.name !== 'RUNNING';
        });
      }
      await harness.env.sleep(120 * DAY);
      const running = (await handle.describe()).status.name === 'RUNNING';
      const progress: JourneyProgress = running
        ? await handle.query(progressQuery)
        : ((await handle.result()) as JourneyProgress);
      const tasks = await harness.tasksOf(handle.workflowId);
      const breachTasks = tasks
        .filter((task) => task.kind === 'deadline-breach')
        .map((task) => ({ deadline: task.details.deadlineId, priority: task.priority }));
      for (const deadline of progress.deadlines) {
        if (deadline.status === 'breached' || deadline.status === 'met-late' || deadline.breachedAt)
          expect(breachTasks).toContainEqual({ deadline: deadline.id, priority: 'urgent' });
        if (deadline.status === 'pending') expect(running).toBe(true);
      }
      if (!sequence.clockStartKnown)
        expect(tasks.map((task) => `${task.priority}:${task.kind}`)).toContain('urgent:clock-start-missing');
      const templates = (await harness.messagesOf(handle.workflowId)).map((message) => message.template);
      expect(new Set(templates).size).toBe(templates.length);
      if (running) await handle.terminate('property run over');
    }
  });
});
