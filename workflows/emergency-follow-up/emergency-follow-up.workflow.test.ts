import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  DAY,
  HOUR,
  createJourneyHarness,
  expectStagesInBlueprint,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type JourneyEvent,
  type JourneyProgress,
} from '../journey-contract';
import { EMERGENCY_FOLLOW_UP } from './emergency-follow-up.contract';
import { emergencyFollowUpJourneyType } from './emergency-follow-up.journey-type';

describe('emergency visit follow-up journey (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('emergency-follow-up');
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Enrols a patient discharged `hoursAgo` hours ago; returns the handle and the discharge time. */
  async function discharge(hoursAgo: number) {
    const dischargedAt = (await harness.now()) - hoursAgo * HOUR;
    const handle = await harness.start(EMERGENCY_FOLLOW_UP, {
      params: {
        encounterId: 'enc-42',
        dischargedAt: new Date(dischargedAt).toISOString(),
        timeZone: 'Europe/London',
      },
    });
    return { handle, dischargedAt };
  }
  const send = (handle: WorkflowHandle, event: JourneyEvent) =>
    handle.executeUpdate(journeyEventUpdate, { args: [event] });
  const progressOf = (handle: WorkflowHandle) => handle.query(progressQuery);
  /** Hours after discharge at which each timeline entry of a kind happened. */
  const hoursAfter = (progress: JourneyProgress, kind: 'message' | 'task', dischargedAt: number) =>
    progress.timeline
      .filter((entry) => entry.kind === kind)
      .map((entry) => Math.round((Date.parse(entry.at) - dischargedAt) / HOUR));

  test('a discharge leads to a nudge with a booking link 48 h later, a booking prompt, a staff call, then closes unresponsive', async () => {
    const { handle, dischargedAt } = await discharge(2);
    const waiting = await progressOf(handle);
    expect(waiting.stage).toBe('discharged');
    expect(waiting.upcoming).toEqual([
      {
        id: 'follow-up-nudge',
        label: 'Follow-up nudge',
        dueAt: new Date(dischargedAt + 48 * HOUR).toISOString(),
      },
    ]);

    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'unresponsive' });
    expectStagesInBlueprint(final);
    expect(hoursAfter(final, 'message', dischargedAt)).toEqual([48, 48 + 2 * 24]);
    expect(hoursAfter(final, 'task', dischargedAt)).toEqual([48 + 4 * 24]);
    expect((Date.parse(final.timeline.at(-1)!.at) - dischargedAt) / DAY).toBeCloseTo(2 + 14, 3);
    const [nudge, prompt] = await harness.messagesOf(handle.workflowId);
    expect(nudge).toMatchObject({ channel: 'sms', template: 'emergency-follow-up.nudge' });
    expect(nudge!.body).toContain('https://scheduling.example.org/follow-up-visit');
    expect(prompt).toMatchObject({ channel: 'email', template: 'emergency-follow-up.booking-prompt' });
    expect(prompt!.body).toContain('pick a time online');
    const [call] = await harness.tasksOf(handle.workflowId);
    expect(call).toMatchObject({ kind: 'phone-call', priority: 'routine' });
    expect(call!.title).toContain('follow-up visit');
    await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'unresponsive');
  });

  test('booking after the nudge stops the escalation; the visit gets a reminder; attending completes the journey', async () => {
    const { handle, dischargedAt } = await discharge(1);
    await harness.env.sleep(48 * HOUR); // the nudge went out at 48 h
    const appointmentAt = (await harness.now()) + 3 * DAY;

    const booked = await send(handle, {
      type: 'appointment-booked',
      appointmentAt: new Date(appointmentAt).toISOString(),
    });
    expect(booked.stage).toBe('booked');
    expect(booked.upcoming.map((timer) => timer.id)).toEqual([
      'appointment-reminder',
      'appointment',
      'outcome-check',
    ]);
    await harness.env.sleep(3 * DAY + HOUR);
    await send(handle, { type: 'appointment-attended' });
    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'completed' });
    expectStagesInBlueprint(final);
    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages.map((message) => message.template)).toEqual([
      'emergency-follow-up.nudge',
      'emergency-follow-up.appointment-reminder',
    ]);
    expect(messages[1]!.body).toContain(
      new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/London',
      }).format(appointmentAt),
    );
    expect(hoursAfter(final, 'message', dischargedAt)).toEqual([
      48,
      Math.round((appointmentAt - 24 * HOUR - dischargedAt) / HOUR),
    ]);
    expect(await harness.tasksOf(handle.workflowId)).toHaveLength(0);
    await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'booked-attended');
  });

  test('a booking before the nudge time means no nudge at all; a readmission ends the journey', async () => {
    const { handle } = await discharge(1);
    await harness.env.sleep(20 * HOUR);
    await send(handle, {
      type: 'appointment-booked',
      appointmentAt: new Date((await harness.now()) + 5 * DAY).toISOString(),
    });
    await harness.env.sleep(2 * DAY); // past the 48 h nudge time

    const readmitted = await send(handle, { type: 'readmitted' });

    expect(readmitted).toMatchObject({ status: 'completed', stage: 'readmitted' });
    expectStagesInBlueprint(readmitted);
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
    expect(readmitted.timeline.filter((entry) => entry.kind === 'stage').map((entry) => entry.ref)).toEqual([
      'discharged',
      'booked',
      'readmitted',
    ]);
  });

  test('a pause holds the nudge past its time (the delay counts from discharge) and shifts the later steps', async () => {
    const { handle, dischargedAt } = await discharge(1);
    await harness.env.sleep(23 * HOUR); // 24 h after discharge
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient asked us to wait' }] });
    await harness.env.sleep(2 * DAY); // 72 h: the nudge was due at 48 h
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);

    await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Patient ready' }] });
    await harness.env.sleep(2 * DAY + HOUR);

    const progress = await progressOf(handle);
    // Nudge at the resume (72 h), booking prompt two active days later; nothing counted the pause.
    expect(hoursAfter(progress, 'message', dischargedAt)).toEqual([72, 72 + 48]);
    expect(
      progress.timeline.filter((entry) => entry.kind === 'control').map((entry) => entry.summary),
    ).toEqual(['Paused by an operator: Patient asked us to wait', 'Resumed by an operator: Patient ready']);
    expectStagesInBlueprint(progress);
    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
  });

  test('a bad event or a future discharge is rejected, leaving no trace', async () => {
    const future = emergencyFollowUpJourneyType.paramsSchema.safeParse({
      encounterId: 'enc-1',
      dischargedAt: new Date(Date.now() + DAY).toISOString(),
    });
    expect(future.success).toBe(false);

    const { handle } = await discharge(1);
    const before = await progressOf(handle);
    const rejected: unknown[] = [
      { type: 'discharged-again' },
      { type: 'readmitted', at: 'yesterday' },
      { type: 'appointment-attended', by: 'dr-house' },
      { type: 'appointment-rescheduled', appointmentAt: new Date().toISOString() }, // nothing is booked
    ];
    for (const event of rejected) {
      await expect(send(handle, event as JourneyEvent)).rejects.toThrow(WorkflowUpdateFailedError);
    }

    expect(await progressOf(handle)).toEqual(before);
    const history = await handle.fetchHistory();
    expect(
      history.events!.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes),
    ).toHaveLength(0);
  });
});
