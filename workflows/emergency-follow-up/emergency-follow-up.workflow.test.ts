import { ehrWithDeaths } from '../../test/helpers/ehr-with-deaths';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  DAY,
  HARNESS_PSEUDONYM_KEY,
  HOUR,
  createJourneyHarness,
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
} from '../../contracts/journey-contract';
import { EMERGENCY_FOLLOW_UP } from './emergency-follow-up.contract';
import { UNKNOWN_DISPOSITION } from './emergency-follow-up.disposition';
import { emergencyFollowUpJourney } from './emergency-follow-up.journey';
import { codedFollowUp, definitionFollowUp } from '../../test/helpers/emergency-follow-up-variants';

/*
 * Every scenario runs twice: against the coded workflow, and against the same journey written as
 * a definition (contracts/journey-definitions/examples/emergency-follow-up.json) run by the
 * interpreter. Both must do what a patient or a nurse would notice alike: messages (channel,
 * wording, time), staff tasks (kind, priority, due), stages, ends and the events each refuses.
 * Where the two legitimately differ (timer ids, timeline wording, how a death ends the journey),
 * the assertion says why; the report of issue 22 lists these differences.
 */
describe.each([
  ['coded', codedFollowUp],
  ['definition', definitionFollowUp],
])('emergency visit follow-up journey, %s (time-skipping)', (_name, variant) => {
  let harness: JourneyHarness;
  const coded = variant.name === 'coded';

  /** The EHR: patients whose id starts with `deceased-` are recorded as deceased. */
  const ehr = ehrWithDeaths({ deceasedDateTime: '2026-01-01T00:00:00Z' });

  beforeAll(async () => {
    harness = await createJourneyHarness('emergency-follow-up', { fhir: ehr });
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Enrols a patient discharged `hoursAgo` hours ago; returns the handle and the discharge time. */
  async function discharge(hoursAgo: number, extra: { disposition?: string; patientId?: string } = {}) {
    const dischargedAt = (await harness.now()) - hoursAgo * HOUR;
    const handle = await variant.start(harness, {
      params: {
        encounterId: 'enc-42',
        dischargedAt: new Date(dischargedAt).toISOString(),
        timeZone: 'Europe/London',
        ...(extra.disposition ? { dischargeDisposition: extra.disposition } : {}),
      },
      // The EHR is asked about this patient: their reference is the one the worker derives from the id.
      patientId: extra.patientId ?? 'pat-under-test',
      patientRef: patientRefFor(extra.patientId ?? 'pat-under-test', HARNESS_PSEUDONYM_KEY),
    });
    return { handle, dischargedAt };
  }
  /** Ends a scenario; a definition journey may already have ended by itself (a death recorded in the EHR). */
  const endScenario = async (handle: WorkflowHandle) => {
    const { status } = await progressOf(handle);
    if (status === 'active' || status === 'paused') {
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
    }
  };
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
    // Operators see one timer, the nudge at 48 h; its id and label are each journey's own.
    expect(waiting.upcoming.map((timer) => timer.dueAt)).toEqual([
      new Date(dischargedAt + 48 * HOUR).toISOString(),
    ]);
    if (coded) {
      expect(waiting.upcoming[0]).toMatchObject({ id: 'follow-up-nudge', label: 'Follow-up nudge' });
    }

    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'unresponsive' });
    variant.expectStagesKnown(final);
    expect(hoursAfter(final, 'message', dischargedAt)).toEqual([48, 48 + 2 * 24]);
    // The staff call, then its closing as the journey closes unresponsive (HZ-95).
    expect(hoursAfter(final, 'task', dischargedAt)).toEqual([48 + 4 * 24, (2 + 14) * 24]);
    expect((Date.parse(final.timeline.at(-1)!.at) - dischargedAt) / DAY).toBeCloseTo(2 + 14, 3);
    const [nudge, prompt] = await harness.messagesOf(handle.workflowId);
    expect(nudge).toMatchObject({ channel: 'sms', template: 'emergency-follow-up.nudge' });
    expect(nudge!.body).toContain('https://scheduling.example.org/follow-up-visit');
    expect(prompt).toMatchObject({ channel: 'email', template: 'emergency-follow-up.booking-prompt' });
    expect(prompt!.body).toContain('pick a time online');
    const [call] = await harness.tasksOf(handle.workflowId);
    expect(call).toMatchObject({ kind: 'phone-call', priority: 'routine' });
    expect(call!.title).toContain('follow-up visit');
    if (coded) await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'unresponsive');
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
    expect(booked.upcoming[0]!.dueAt).toBe(new Date(appointmentAt - 24 * HOUR).toISOString());
    if (coded) {
      expect(booked.upcoming.map((timer) => timer.id)).toEqual([
        'appointment-reminder',
        'appointment',
        'outcome-check',
      ]);
    }
    await harness.env.sleep(3 * DAY + HOUR);
    await send(handle, { type: 'appointment-attended' });
    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'completed' });
    variant.expectStagesKnown(final);
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
    if (coded) await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'booked-attended');
  });

  test('[HZ-54] a visit reported booked after it happened gets no reminder: the outcome check follows', async () => {
    const { handle } = await discharge(1);
    await harness.env.sleep(60 * HOUR); // the nudge went out at 48 h
    const appointmentAt = (await harness.now()) - 3 * HOUR;
    await send(handle, { type: 'appointment-booked', appointmentAt: new Date(appointmentAt).toISOString() });
    // Past any quiet hours a late reminder would have been held for.
    await harness.env.sleep(26 * HOUR);
    await send(handle, { type: 'appointment-attended' });
    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'completed' });
    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages.map((message) => message.template)).toEqual(['emergency-follow-up.nudge']);
  });

  test('[HZ-95] booking after the staff call closes the call to book; the rest of the escalation stops', async () => {
    const { handle, dischargedAt } = await discharge(1);
    await harness.env.sleep((48 + 4 * 24) * HOUR); // the day-4 call to book is in the queue
    const [call] = await harness.tasksOf(handle.workflowId);
    expect(call).toMatchObject({ kind: 'phone-call', priority: 'routine', status: 'open' });
    const appointmentAt = (await harness.now()) + 5 * DAY;
    await send(handle, { type: 'appointment-booked', appointmentAt: new Date(appointmentAt).toISOString() });
    await harness.env.sleep('1 minute');
    // The outcome names the booking in each journey's words ("booked", "appointment-booked").
    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({
        id: call!.id,
        status: 'cancelled',
        outcome: expect.stringMatching(/booked$/),
      }),
    ]);
    await harness.env.sleep(3 * DAY);
    expect(hoursAfter(await progressOf(handle), 'message', dischargedAt)).toEqual([48, 96]);
    await endScenario(handle);
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
    variant.expectStagesKnown(readmitted);
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
    // The interpreter also writes that it held the nudge: a line more for operators, nothing for the patient.
    expect(
      progress.timeline
        .filter((entry) => entry.kind === 'control' && /^(Paused|Resumed) /.test(entry.summary))
        .map((entry) => entry.summary),
    ).toEqual(['Paused by an operator: Patient asked us to wait', 'Resumed by an operator: Patient ready']);
    variant.expectStagesKnown(progress);
    await endScenario(handle);
  });

  test('a bad event or a future discharge is rejected, leaving no trace', async () => {
    // The enrolment's parameters are checked before either workflow starts.
    const future = emergencyFollowUpJourney.paramsSchema.safeParse({
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

  describe('how the patient left decides the follow-up', () => {
    const refusal = (handle: WorkflowHandle, event: JourneyEvent) =>
      send(handle, event).then(
        () => 'accepted',
        (error: WorkflowUpdateFailedError) => String(error.cause?.message),
      );

    test('[HZ-24] an unknown disposition sends nothing until staff confirm it; confirmed home, the nudge follows', async () => {
      const { handle, dischargedAt } = await discharge(1, { disposition: 'unknown' });
      await harness.env.sleep(3 * DAY);
      expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
      const [check] = await harness.tasksOf(handle.workflowId);
      expect(check).toMatchObject({ kind: 'disposition-check', priority: 'urgent' });
      expect(check!.dueAt?.toISOString()).toBe(new Date(dischargedAt + 48 * HOUR).toISOString());

      await send(handle, { type: 'disposition-confirmed', dischargeDisposition: 'home' });
      await harness.env.sleep(HOUR);
      const messages = await harness.messagesOf(handle.workflowId);
      expect(messages.map((message) => message.template)).toEqual(['emergency-follow-up.nudge']);
      variant.expectStagesKnown(await progressOf(handle));
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
      await handle.result();
      if (coded) await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'disposition-checked-then-nudged');
    });

    test('[HZ-23] staff confirming a transfer, or a journey started for hospice, ends it without a message', async () => {
      const unknown = await discharge(1, { disposition: 'oth' });
      expect(
        await refusal(unknown.handle, { type: 'disposition-confirmed', dischargeDisposition: 'oth' }),
      ).toMatch(/does not say how the patient left/);
      const ended = await send(unknown.handle, {
        type: 'disposition-confirmed',
        dischargeDisposition: 'other-hcf',
      });
      expect(ended).toMatchObject({ status: 'completed', stage: 'no-follow-up' });

      const hospice = await discharge(1, { disposition: 'hosp' });
      const final = (await hospice.handle.result()) as JourneyProgress;
      expect(final).toMatchObject({ status: 'completed', stage: 'no-follow-up' });
      variant.expectStagesKnown(final);
      expect(await harness.messagesOf(hospice.handle.workflowId)).toHaveLength(0);
      expect(await harness.messagesOf(unknown.handle.workflowId)).toHaveLength(0);
    });

    test('[HZ-25] a patient who left against advice gets an urgent call before the nudge, and the nudge', async () => {
      const { handle } = await discharge(1, { disposition: 'aadvice' });
      await harness.env.sleep(48 * HOUR);
      const [call] = await harness.tasksOf(handle.workflowId);
      expect(call).toMatchObject({ kind: 'phone-call', priority: 'urgent' });
      expect(call!.title).toMatch(/against medical advice/);
      expect((await harness.messagesOf(handle.workflowId)).map((message) => message.template)).toEqual([
        'emergency-follow-up.nudge',
      ]);
      await endScenario(handle);
    });

    test('[HZ-26] a later emergency visit restarts the one follow-up from its discharge; an earlier one changes nothing', async () => {
      const { handle, dischargedAt } = await discharge(1, { disposition: 'home' });
      await harness.env.sleep(30 * HOUR);
      const laterAt = (await harness.now()) - HOUR;
      const visit = (at: number, disposition = 'home'): JourneyEvent => ({
        type: 'emergency-visit',
        encounterId: `enc-${at}`,
        dischargedAt: new Date(at).toISOString(),
        dischargeDisposition: disposition,
      });
      expect(await refusal(handle, visit(dischargedAt - DAY))).toMatch(
        /ended before the one this follow-up is for/,
      );
      await send(handle, visit(laterAt));
      await harness.env.sleep(30 * HOUR); // 48 h after the first discharge, 29 h after the later one
      expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
      await harness.env.sleep(20 * HOUR);
      const progress = await progressOf(handle);
      expect(hoursAfter(progress, 'message', laterAt)).toEqual([48]);

      const transferred = await send(handle, visit(laterAt + 3 * DAY, 'other-hcf'));
      expect(transferred).toMatchObject({ status: 'completed', stage: 'no-follow-up' });
      variant.expectStagesKnown(transferred);
      await handle.result();
      if (coded)
        await recordHistoryFixture(handle, EMERGENCY_FOLLOW_UP, 'later-visit-restarts-then-transfer');
    });

    test('[HZ-55] a later visit with no recorded disposition while a visit is booked holds the reminder until staff confirm', async () => {
      const { handle } = await discharge(1, { disposition: 'home' });
      await harness.env.sleep(49 * HOUR); // the nudge went out at 48 h
      const appointmentAt = (await harness.now()) + 3 * DAY;
      await send(handle, {
        type: 'appointment-booked',
        appointmentAt: new Date(appointmentAt).toISOString(),
      });
      await harness.env.sleep(DAY);
      // A later emergency visit whose disposition the EHR did not record: not "went home" as the first one did.
      await send(handle, {
        type: 'emergency-visit',
        encounterId: 'enc-43',
        dischargedAt: new Date((await harness.now()) - HOUR).toISOString(),
        dischargeDisposition: UNKNOWN_DISPOSITION,
      });
      await harness.env.sleep(12 * HOUR);
      const [check] = await harness.tasksOf(handle.workflowId);
      expect(check).toMatchObject({ kind: 'disposition-check', priority: 'urgent' });

      await send(handle, { type: 'disposition-confirmed', dischargeDisposition: 'home' });
      await harness.env.sleep(2 * DAY);
      const messages = await harness.messagesOf(handle.workflowId);
      expect(messages.map((message) => message.template)).toEqual([
        'emergency-follow-up.nudge',
        'emergency-follow-up.appointment-reminder',
      ]);
      await endScenario(handle);
    });

    test('[HZ-27] an admission that began before the discharge is not a readmission', async () => {
      const { handle, dischargedAt } = await discharge(5, { disposition: 'home' });
      expect(
        await refusal(handle, { type: 'readmitted', at: new Date(dischargedAt - 2 * HOUR).toISOString() }),
      ).toMatch(/before the discharge this follow-up is for/);
      const readmitted = await send(handle, {
        type: 'readmitted',
        at: new Date(dischargedAt + 2 * HOUR).toISOString(),
      });
      expect(readmitted).toMatchObject({ status: 'completed', stage: 'readmitted' });
    });

    test('[HZ-31] the emergency visit entered in error ends its follow-up before any message; another visit withdrawn changes nothing', async () => {
      const { handle } = await discharge(1, { disposition: 'home' });
      expect(await refusal(handle, { type: 'emergency-visit-withdrawn', encounterId: 'enc-other' })).toMatch(
        /not the one this follow-up is for/,
      );
      await harness.env.sleep(20 * HOUR);
      const ended = await send(handle, { type: 'emergency-visit-withdrawn', encounterId: 'enc-42' });
      expect(ended).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
      variant.expectStagesKnown(ended);
      await harness.env.sleep(3 * DAY);
      expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
    });

    test('[HZ-21] a visit reported attended before any booking is refused: the follow-up goes on', async () => {
      const { handle } = await discharge(1, { disposition: 'home' });
      expect(await refusal(handle, { type: 'appointment-attended' })).toMatch(
        /No appointment is booked, so appointment-attended does not apply/,
      );
      expect(await progressOf(handle)).toMatchObject({ status: 'active', stage: 'discharged' });
      await endScenario(handle);
    });

    test('[HZ-28] a patient the EHR records as deceased gets no nudge on any channel; staff are told once', async () => {
      const { handle } = await discharge(1, { disposition: 'home', patientId: 'deceased-efu-1' });
      await harness.env.sleep(5 * DAY); // the nudge at 48 h and the booking prompt two days later
      expect(await harness.messagesOf(handle.workflowId)).toHaveLength(0);
      const progress = await progressOf(handle);
      const notSent = progress.timeline
        .filter((entry) => entry.kind === 'message')
        .map((entry) => entry.summary);
      // The coded journey goes on and skips the prompt too; the interpreter ends the journey at the first refusal.
      expect(notSent).toEqual(
        Array(coded ? 2 : 1).fill(expect.stringMatching(/not sent: the EHR records the patient as deceased/)),
      );
      if (!coded) expect(progress).toMatchObject({ status: 'cancelled' });
      const tasks = await harness.tasksOf(handle.workflowId);
      expect(tasks.filter((task) => task.kind === 'patient-deceased')).toHaveLength(1);
      expect(tasks.filter((task) => task.kind === 'call')).toHaveLength(0);
      await endScenario(handle);
    });
  });
});
