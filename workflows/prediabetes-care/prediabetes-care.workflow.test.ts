import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { createJourneyHarness, DAY, HOUR, type JourneyHarness } from '../../test/helpers/journey-harness';
import { pauseJourneyUpdate, resumeJourneyUpdate } from '../../contracts/journey-contract';
import {
  countOf,
  JOURNEY,
  logReading,
  progressOf,
  messagesInTimeline,
  seedParams,
  sendEvent,
  templatesReceived,
} from './prediabetes-care.test-support';

const NUDGE = 'prediabetes-care.inactivity-nudge';
const FOLLOW_UP = 'prediabetes-care.follow-up-prompt';

describe('prediabetes care journey (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('prediabetes');
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Six weeks of weekly app readings, each a day after that week's session. */
  async function sixWeeksOfReadings(handle: WorkflowHandle, glucoseByWeek: number[]): Promise<void> {
    await harness.env.sleep('1 day');
    for (const [week, glucose] of glucoseByWeek.entries()) {
      await logReading(handle, 'fasting-glucose-mg-dl', glucose);
      await logReading(handle, 'weight-kg', 95 - week * 0.2);
      await harness.env.sleep('7 days');
    }
  }

  test("the seed's story: app prescribed, weekly readings, no improvement at 6 weeks -> prompted to book a follow-up", async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });

    await sixWeeksOfReadings(handle, [118, 117, 119, 118, 117, 118]);

    const progress = await progressOf(handle);
    expect(progress).toMatchObject({ status: 'active', stage: 'core-sessions' });
    expect(progress.facts).toMatchObject({
      review: 'not-improved',
      reviewGlucoseDropMgDl: 0,
      followUp: 'prompted',
      sessionsOffered: 7,
      readingsLogged: 12,
      baselineWeightKg: 95,
    });
    const received = await templatesReceived(harness, handle);
    // The app is prescribed in the welcome (session 1), then a session a week.
    expect(received[0]).toBe('prediabetes-care.welcome');
    expect(countOf(received, 'prediabetes-care.core-session')).toBe(6);
    expect(countOf(received, FOLLOW_UP)).toBe(1);
    const prompt = messagesInTimeline(progress).find((message) => message.step === 'follow-up-prompt')!;
    expect(prompt.atMs - Date.parse(progress.startedAt)).toBeGreaterThanOrEqual(42 * DAY);
    expect(prompt.atMs - Date.parse(progress.startedAt)).toBeLessThan(43 * DAY);
    const body = (await harness.messagesOf(handle.workflowId)).find(
      (message) => message.template === FOLLOW_UP,
    )!.body;
    expect(body).toContain('book a follow-up visit');

    // A booked visit stops the follow-up reminder.
    await sendEvent(handle, { type: 'follow-up-booked' });
    await harness.env.sleep('10 days');
    expect(await templatesReceived(harness, handle)).not.toContain('prediabetes-care.follow-up-reminder');
    expect((await progressOf(handle)).facts.followUp).toBe('booked');
    await recordHistoryFixture(handle, JOURNEY, 'no-improvement-follow-up');
  });

  test('improving readings at 6 weeks: no follow-up prompt', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });

    await sixWeeksOfReadings(handle, [118, 116, 112, 108, 104, 100]);

    const progress = await progressOf(handle);
    expect(progress.facts).toMatchObject({ review: 'improved', reviewGlucoseDropMgDl: 15, followUp: 'none' });
    expect(await templatesReceived(harness, handle)).not.toContain(FOLLOW_UP);
    expect(progress.timeline.some((entry) => entry.summary === 'Week-6 review of readings: improved')).toBe(
      true,
    );
  });

  test('no reading for 48 h: one nudge, not more, until a new reading re-arms it', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('1 hour');
    await logReading(handle, 'fasting-glucose-mg-dl', 115);

    await harness.env.sleep('46 hours'); // 47 h after the reading
    expect(countOf(await templatesReceived(harness, handle), NUDGE)).toBe(0);
    await harness.env.sleep('3 hours');
    expect(countOf(await templatesReceived(harness, handle), NUDGE)).toBe(1);

    await harness.env.sleep('10 days'); // still silent: sessions go out, nudges do not
    let received = await templatesReceived(harness, handle);
    expect(countOf(received, NUDGE)).toBe(1);
    expect(countOf(received, 'prediabetes-care.core-session')).toBe(1);
    const nudge = (await harness.messagesOf(handle.workflowId)).find(
      (message) => message.template === NUDGE,
    )!;
    expect(nudge.body).toContain('48 hours');

    await logReading(handle, 'fasting-glucose-mg-dl', 112);
    await harness.env.sleep('49 hours');
    received = await templatesReceived(harness, handle);
    expect(countOf(received, NUDGE)).toBe(2);
    const progress = await progressOf(handle);
    expect(progress.facts.inactivityNudges).toBe(2);
    expect(messagesInTimeline(progress).map((message) => message.step)).toEqual(
      expect.arrayContaining(['inactivity-nudge:1', 'inactivity-nudge:2']),
    );
  });

  test('a pause shifts the cadence: no session messages while paused, the program resumes where it left off', async () => {
    const handle = await harness.start(JOURNEY, {
      params: seedParams,
      settings: { inactivityWindowHours: 24 * 30 },
    });
    const startedAt = await harness.now();
    await harness.env.sleep('8 days'); // sessions 1 and 2 sent
    expect(countOf(await templatesReceived(harness, handle), 'prediabetes-care.core-session')).toBe(1);

    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient in hospital' }] });
    await harness.env.sleep('20 days');
    expect(await progressOf(handle)).toMatchObject({ status: 'paused', upcoming: [] });
    expect(countOf(await templatesReceived(harness, handle), 'prediabetes-care.core-session')).toBe(1);
    // Readings still count while paused.
    await logReading(handle, 'weight-kg', 94);
    expect((await progressOf(handle)).facts.readingsLogged).toBe(1);

    const resumedAt = await harness.now();
    const resumed = await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Discharged' }] });
    expect(resumed.status).toBe('active');
    await harness.env.sleep('7 days');

    const progress = await progressOf(handle);
    const sessions = messagesInTimeline(progress).filter((message) => message.step.startsWith('session:'));
    expect(sessions.map((message) => message.step)).toEqual(['session:1', 'session:2', 'session:3']);
    // Session 3 was due 6 days after the pause began (day 14 of active time): 6 days after the resume.
    const session3 = sessions[2]!.atMs;
    expect(session3 - resumedAt).toBeGreaterThanOrEqual(6 * DAY - HOUR);
    expect(session3 - resumedAt).toBeLessThan(6 * DAY + HOUR);
    expect(session3 - startedAt).toBeGreaterThan(34 * DAY - HOUR);
    expect(progress.facts.sessionsOffered).toBe(3);
    expect(
      progress.timeline.filter((entry) => entry.kind === 'control').map((entry) => entry.summary),
    ).toEqual(['Paused by an operator: Patient in hospital', 'Resumed by an operator: Discharged']);
    await recordHistoryFixture(handle, JOURNEY, 'paused-and-resumed');
  });

  test('out-of-order or implausible events are rejected and leave no trace', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('1 hour');
    const before = await progressOf(handle);

    await expect(sendEvent(handle, { type: 'session-attended', session: 2 })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    await expect(logReading(handle, 'weight-kg', 900)).rejects.toThrow(WorkflowUpdateFailedError);
    const tomorrow = new Date((await harness.now()) + DAY).toISOString();
    await expect(
      sendEvent(handle, { type: 'reading', metric: 'weight-kg', value: 90, at: tomorrow }),
    ).rejects.toThrow(WorkflowUpdateFailedError);

    expect(await progressOf(handle)).toEqual(before);
    const attended = await sendEvent(handle, { type: 'session-attended' });
    expect(attended.facts.sessionsAttended).toBe(1);
    // Attending the same session twice counts once.
    expect((await sendEvent(handle, { type: 'session-attended', session: 1 })).facts.sessionsAttended).toBe(
      1,
    );
  });
});
