import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { createJourneyHarness, DAY, HOUR, type JourneyHarness } from '../../test/helpers/journey-harness';
import { journeyEventUpdate, progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import { findJourneyType } from '../journey-types';
import { ONCOLOGY_FAST_TRACK, type OncologyFastTrackEvent } from './oncology-fast-track.contract';

/*
 * The source clocks on the time-skipping server: what coordinators and patients see when a card
 * starts without its clock, when an NHS card waits for the patient to be told, and when an
 * operator records a CWT adjustment.
 */
describe('fast oncology track: source clocks (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('oncology-clocks');
  });
  afterAll(() => harness?.close());

  async function startCard(params: Record<string, unknown>) {
    const now = await harness.now();
    const clockStart = Math.floor(now / DAY) * DAY;
    const handle = await harness.start(ONCOLOGY_FAST_TRACK, {
      params: { cardId: `CARD-${now.toString(36)}`, timeZone: 'Europe/London', ...params },
    });
    const day = (n: number, hour = 10) => clockStart + n * DAY + hour * HOUR;
    const skipTo = async (at: number) => {
      const current = await harness.now();
      if (at > current) await harness.env.sleep(at - current);
    };
    const eventAt = async (at: number, event: OncologyFastTrackEvent) => {
      await skipTo(at);
      return handle.executeUpdate(journeyEventUpdate, {
        args: [{ ...event, at: new Date(at).toISOString() }],
      });
    };
    const tasks = async () =>
      (await harness.tasksOf(handle.workflowId)).map(
        (task) => `${task.priority}:${task.kind}:${task.details.deadlineId ?? ''}`,
      );
    return { handle, clockStart, day, skipTo, eventAt, tasks };
  }

  test('[HZ-46] a card whose referral gave no clock start asks the coordinator for it and runs no deadline on a guess', async () => {
    const card = await startCard({ profile: 'dilo' });
    await card.skipTo(card.day(0, 12));
    const progress = await card.handle.query(progressQuery);
    expect(progress.deadlines).toEqual([]);
    expect(progress.timeline[0]!.summary).toBe('On the waiting list: the clock start is not recorded yet');
    expect(progress.timeline.map((entry) => entry.summary)).toContainEqual(
      expect.stringMatching(/Clock start unknown/),
    );
    expect(await card.tasks()).toEqual(['urgent:clock-start-missing:']);

    const started = await card.eventAt(card.day(1), {
      type: 'clock-started',
      at: new Date(card.day(0, 9)).toISOString(),
    });
    expect(started.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['specialist-visit', 'pending'],
      ['initial-diagnostics', 'pending'],
      ['diagnosis-complete', 'pending'],
    ]);
  });

  test('[HZ-48] a ruled-out NHS card stays open until the patient is told, and escalates when nobody tells them', async () => {
    const card = await startCard({
      profile: 'nhs-england',
      clockStartAt: new Date(await harness.now()).toISOString(),
    });
    const ruledOut = await card.eventAt(card.day(20), { type: 'cancer-ruled-out' });
    expect(ruledOut).toMatchObject({ stage: 'ruled-out', status: 'active' });
    await card.skipTo(card.day(30));
    expect(await card.tasks()).toEqual([
      'routine:deadline-warning:faster-diagnosis',
      'urgent:deadline-breach:faster-diagnosis',
    ]);
    const final: JourneyProgress = await card.handle.result();
    expect(final.status).toBe('completed');
    expect(final.deadlines.find((deadline) => deadline.id === 'faster-diagnosis')!.status).toBe('breached');
  });

  test('[HZ-53] an operator records a CWT adjustment: its reason is on the timeline and the 62-day date moves', async () => {
    const card = await startCard({
      profile: 'nhs-england',
      clockStartAt: new Date(await harness.now()).toISOString(),
    });
    await card.eventAt(card.day(10), { type: 'cancer-confirmed' });
    const before = (await card.handle.query(progressQuery)).deadlines.find(
      (d) => d.id === 'referral-to-treatment',
    )!;
    const reason = 'Patient declined the admission offered for this date (holiday)';
    const adjusted = await card.eventAt(card.day(40), {
      type: 'clock-adjustment',
      deadline: 'referral-to-treatment',
      days: 7,
      reason,
    } as OncologyFastTrackEvent);
    const after = adjusted.deadlines.find((d) => d.id === 'referral-to-treatment')!;
    // Seven English calendar days later (an hour less or more across a clock change).
    expect(Math.abs(Date.parse(after.dueAt) - Date.parse(before.dueAt) - 7 * DAY)).toBeLessThanOrEqual(HOUR);
    expect(adjusted.timeline.map((entry) => entry.summary)).toContainEqual(expect.stringContaining(reason));
    expect(adjusted.facts.clockAdjustments).toBe('referral-to-treatment +7 d');
  });

  test("[HZ-41] a card started for a patient nobody knows the zone of says it uses the organisation's zone", async () => {
    const starter = new JourneyStarter(
      harness.env.client,
      new ProgramSettingsStore(harness.database.dataSource),
      {
        taskQueue: harness.taskQueue,
        pseudonymKey: 'clocks-test',
        organisationTimeZone: 'America/Chicago',
        patientTimeZone: () => Promise.resolve(undefined),
      },
    );
    const outcome = await starter.start({
      type: findJourneyType(ONCOLOGY_FAST_TRACK)!,
      patientId: `pat-${(await harness.now()).toString(36)}`,
      params: { cardId: `TZ-${(await harness.now()).toString(36)}`, profile: 'dilo' },
    });
    expect(outcome.started).toBe(true);
    const handle = harness.env.client.workflow.getHandle(outcome.started ? outcome.workflowId : '');
    const progress = await handle.query(progressQuery);
    expect(progress.timeline.map((entry) => entry.summary)).toContainEqual(
      expect.stringContaining("use the organisation's zone America/Chicago"),
    );
    await handle.terminate('test over');
  });
});
