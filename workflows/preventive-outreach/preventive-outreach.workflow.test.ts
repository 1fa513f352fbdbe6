import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  DAY,
  HOUR,
  createJourneyHarness,
  expectStagesInBlueprint,
  stepOf,
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
import { PREVENTIVE_OUTREACH, type PreventiveOutreachParams } from './preventive-outreach.contract';
import { preventiveOutreachJourney } from './preventive-outreach.journey';

type Params = Partial<PreventiveOutreachParams> & Pick<PreventiveOutreachParams, 'item'>;

describe('preventive outreach journey (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('preventive-outreach');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const start = (params: Params, patientId = 'pat-under-test') =>
    harness.start(PREVENTIVE_OUTREACH, { params, patientId, patientRef: `ref-${patientId}` });
  const send = (handle: WorkflowHandle, event: JourneyEvent) =>
    handle.executeUpdate(journeyEventUpdate, { args: [event] });
  const progressOf = (handle: WorkflowHandle) => handle.query(progressQuery);
  const finished = async (handle: WorkflowHandle) => (await handle.result()) as JourneyProgress;

  /** Days since the journey started at which each timeline entry of a kind happened. */
  const daysOf = (progress: JourneyProgress, kind: 'message' | 'task') =>
    progress.timeline
      .filter((entry) => entry.kind === kind)
      .map((entry) => Math.round(((Date.parse(entry.at) - Date.parse(progress.startedAt)) / DAY) * 10) / 10);

  const yearsBefore = (ms: number, years: number) => {
    const date = new Date(ms);
    date.setUTCFullYear(date.getUTCFullYear() - years);
    date.setUTCDate(date.getUTCDate() - 7);
    return date.toISOString().slice(0, 10);
  };

  test('the relocating patient due for a physical, a mammogram and a flu shot gets three tailored calls to action', async () => {
    const now = await harness.now();
    const patientId = 'pat-relocating';
    const handles = {
      physical: await start(
        {
          item: 'annual-visit',
          schedulingUrl: 'https://clinic.example.net/new-patients',
          timeZone: 'America/Chicago',
        },
        patientId,
      ),
      mammogram: await start(
        { item: 'mammogram', lastDoneAt: yearsBefore(now, 5), timeZone: 'America/Chicago' },
        patientId,
      ),
      fluShot: await start({ item: 'flu-shot', timeZone: 'America/Chicago' }, patientId),
    };
    await harness.env.sleep('1 hour');

    const [physical] = await harness.messagesOf(handles.physical.workflowId);
    expect(physical).toMatchObject({
      channel: 'email',
      template: 'preventive-outreach.annual-visit.call-to-action',
      patientRef: `ref-${patientId}`,
    });
    expect(physical!.body).toContain('https://clinic.example.net/new-patients');
    expect(physical!.body).toContain('taking new patients');

    const [mammogram] = await harness.messagesOf(handles.mammogram.workflowId);
    expect(mammogram).toMatchObject({
      channel: 'email',
      template: 'preventive-outreach.mammogram.call-to-action',
    });
    expect(mammogram!.body).toContain('about 3 years overdue');
    expect(mammogram!.body).toMatch(/busy.*uncomfortable.*cost.*new to the area/);
    expect(mammogram!.body).toContain('Main Street Imaging Center');
    expect(mammogram!.body).toContain('https://scheduling.example.org/mammogram');

    const [fluShot] = await harness.messagesOf(handles.fluShot.workflowId);
    expect(fluShot).toMatchObject({
      channel: 'sms',
      template: 'preventive-outreach.flu-shot.call-to-action',
    });
    expect(fluShot!.body).toContain('pharmacy this week');
    expect(fluShot!.body).toContain('https://scheduling.example.org/flu-shot');

    // One journey per due item: the item tells the patient's three journeys apart.
    const keys = (['annual-visit', 'mammogram', 'flu-shot'] as const).map((item) =>
      preventiveOutreachJourney.instanceKey!({ item, timeZone: 'UTC' } as never),
    );
    expect(new Set(keys).size).toBe(3);
    const mammogramProgress = await progressOf(handles.mammogram);
    expect(mammogramProgress).toMatchObject({
      stage: 'outreach',
      facts: { item: 'mammogram', monthsOverdue: 36 },
    });
    expect(mammogramProgress.upcoming.map((timer) => timer.id)).toEqual([
      'outreach:step-2',
      'outreach:step-3',
      'outreach:step-4',
      'outreach:close',
    ]);
    expectStagesInBlueprint(mammogramProgress);
    await recordHistoryFixture(handles.mammogram, PREVENTIVE_OUTREACH, 'relocating-patient-mammogram');

    for (const handle of Object.values(handles)) {
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
    }
  });

  test('with no response: day 3 SMS, day 7 staff call, day 30 letter, then closed as unresponsive at day 45 with the call', async () => {
    const handle = await start({ item: 'colorectal-screening' });

    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'completed', stage: 'unresponsive' });
    expectStagesInBlueprint(final);
    expect(daysOf(final, 'message')).toEqual([0, 3, 30]);
    // The day-7 call, then its closing when the journey ends: nobody reports to a closed journey (HZ-95).
    expect(daysOf(final, 'task')).toEqual([7, 45]);
    const lastEntry = final.timeline.at(-1)!;
    expect(lastEntry.summary).toBe(
      '1 staff task(s) closed: The journey ended (unresponsive): the call is no longer needed',
    );
    expect((Date.parse(lastEntry.at) - Date.parse(final.startedAt)) / DAY).toBeCloseTo(45, 3);

    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages.map((message) => [message.channel, message.template])).toEqual([
      ['email', 'preventive-outreach.colorectal-screening.call-to-action'],
      ['sms', 'preventive-outreach.reminder'],
      ['letter', 'preventive-outreach.letter'],
    ]);
    // The letter is staff work too: someone prints and posts it.
    const [call, letter, ...moreTasks] = await harness.tasksOf(handle.workflowId);
    expect(moreTasks).toHaveLength(0);
    expect(letter).toMatchObject({
      kind: 'letter',
      idempotencyKey: `${handle.workflowId}/outreach:step-4#letter`,
    });
    expect(call).toMatchObject({
      kind: 'phone-call',
      priority: 'routine',
      idempotencyKey: `${handle.workflowId}/outreach:step-3`,
    });
    expect(call!.title).toContain('colorectal cancer screening');
    // The call is due within the brief's day 7-10 window.
    expect((call!.dueAt!.getTime() - Date.parse(final.startedAt)) / DAY).toBeCloseTo(10, 3);
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'unresponsive');
  });

  test('[HZ-95] booking closes the open call to book, with the reason on the task; a journey that ends closes its open calls', async () => {
    const handle = await start({ item: 'colorectal-screening' }, 'pat-books-after-call');
    await harness.env.sleep(7 * DAY + HOUR); // the day-7 staff call to book is in the queue
    const [call] = await harness.tasksOf(handle.workflowId);
    expect(call).toMatchObject({ kind: 'phone-call', status: 'open' });
    const appointmentAt = (await harness.now()) + 10 * DAY;
    await send(handle, { type: 'appointment-booked', appointmentAt: new Date(appointmentAt).toISOString() });
    await harness.env.sleep('1 minute');
    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({
        id: call!.id,
        status: 'cancelled',
        outcome: 'booked',
        note: 'The patient booked an appointment: the outreach call is no longer needed',
      }),
    ]);
    const timeline = (await progressOf(handle)).timeline.map((entry) => entry.summary);
    expect(timeline).toContain(
      '1 staff task(s) closed: The patient booked an appointment: the outreach call is no longer needed',
    );
    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });

    // A patient who declines after the call was queued: the journey ends, and so does its call.
    const declining = await start({ item: 'colorectal-screening' }, 'pat-declines-after-call');
    await harness.env.sleep(7 * DAY + HOUR);
    expect(await harness.tasksOf(declining.workflowId)).toEqual([
      expect.objectContaining({ kind: 'phone-call', status: 'open' }),
    ]);
    await send(declining, { type: 'declined' });
    expect(await finished(declining)).toMatchObject({ status: 'completed', stage: 'declined' });
    expect(await harness.tasksOf(declining.workflowId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        outcome: 'journey-ended',
        note: 'The journey ended (declined): the call is no longer needed',
      }),
    ]);
  });

  test('booking on day 2 stops the escalation; a reminder goes out 48 h before; attended completes the journey', async () => {
    const handle = await start({ item: 'annual-visit', timeZone: 'Europe/Warsaw' });
    await harness.env.sleep('2 days');
    const appointmentAt = (await harness.now()) + 10 * DAY;

    const booked = await send(handle, {
      type: 'appointment-booked',
      appointmentAt: new Date(appointmentAt).toISOString(),
      appointmentId: 'appt-1',
    });
    expect(booked.stage).toBe('booked');
    expect(booked.upcoming.find((timer) => timer.id === 'appointment-reminder')?.dueAt).toBe(
      new Date(appointmentAt - 48 * HOUR).toISOString(),
    );

    await harness.env.sleep('9 days'); // past the reminder, before the appointment
    const before = await progressOf(handle);
    expect(before.stage).toBe('booked');
    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages.map((message) => message.template)).toEqual([
      'preventive-outreach.annual-visit.call-to-action',
      'preventive-outreach.appointment-reminder',
    ]);
    expect(messages[1]!.body).toContain(
      new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/Warsaw',
      }).format(appointmentAt),
    );
    const reminderAt = Date.parse(before.timeline.filter((entry) => entry.kind === 'message')[1]!.at);
    expect(reminderAt).toBeGreaterThanOrEqual(appointmentAt - 48 * HOUR);
    expect(reminderAt).toBeLessThan(appointmentAt - 47 * HOUR);

    await harness.env.sleep(DAY + 2 * HOUR);
    await send(handle, { type: 'appointment-attended' });
    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'completed', stage: 'completed' });
    expectStagesInBlueprint(final);
    expect(await harness.tasksOf(handle.workflowId)).toHaveLength(0);
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(2);
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'booked-reminded-attended');
  });

  test('a no-show (after a staff outcome check) starts rebooking outreach: faster, with an urgent call sooner', async () => {
    const handle = await start({ item: 'mammogram' });
    await harness.env.sleep('1 day');
    const appointmentAt = (await harness.now()) + 3 * DAY;
    await send(handle, { type: 'appointment-booked', appointmentAt: new Date(appointmentAt).toISOString() });

    // No attended or no-show news 48 h after the appointment: staff are asked to find out.
    await harness.env.sleep(5 * DAY + HOUR);
    const [outcomeCheck] = await harness.tasksOf(handle.workflowId);
    expect(outcomeCheck).toMatchObject({ kind: 'appointment-outcome-check', priority: 'routine' });

    const rebooking = await send(handle, { type: 'appointment-no-show' });
    expect(rebooking).toMatchObject({ stage: 'rebooking', facts: { round: 'rebooking-1', noShows: 1 } });
    const noShowAt = await harness.now();
    await harness.env.sleep('3 days');

    const messages = await harness.messagesOf(handle.workflowId);
    expect(messages.map((message) => [stepOf(message), message.channel, message.template])).toEqual([
      ['outreach:step-1', 'email', 'preventive-outreach.mammogram.call-to-action'],
      [
        `appointment-reminder:${new Date(appointmentAt).toISOString()}`,
        'email',
        'preventive-outreach.appointment-reminder',
      ],
      ['rebooking-1:step-1', 'sms', 'preventive-outreach.rebooking'],
      ['rebooking-1:step-2', 'email', 'preventive-outreach.rebooking'],
    ]);
    const tasks = await harness.tasksOf(handle.workflowId);
    expect(tasks.map((task) => [task.idempotencyKey.split('/')[1], task.kind, task.priority])).toEqual([
      [`outcome-check:${new Date(appointmentAt).toISOString()}`, 'appointment-outcome-check', 'routine'],
      ['rebooking-1:step-3', 'phone-call', 'urgent'],
    ]);
    const progress = await progressOf(handle);
    const callAt = Date.parse(progress.timeline.filter((entry) => entry.kind === 'task').at(-1)!.at);
    expect((callAt - noShowAt) / DAY).toBeCloseTo(2, 2); // day 2 of rebooking, not day 7 as in first outreach
    expect(tasks[1]!.title).toContain('rebook their missed mammogram');

    await send(handle, {
      type: 'appointment-booked',
      appointmentAt: new Date((await harness.now()) + 5 * DAY).toISOString(),
    });
    await harness.env.sleep(5 * DAY + HOUR);
    await send(handle, { type: 'appointment-attended' });
    const final = await finished(handle);
    expect(final).toMatchObject({ status: 'completed', stage: 'completed' });
    expectStagesInBlueprint(final);
    expect(final.timeline.filter((entry) => entry.kind === 'stage').map((entry) => entry.ref)).toEqual([
      'outreach',
      'booked',
      'rebooking',
      'booked',
      'completed',
    ]);
    await recordHistoryFixture(handle, PREVENTIVE_OUTREACH, 'no-show-rebooked');
  });

  test('a pause holds the outreach and shifts its cadence by the time paused', async () => {
    const handle = await start({ item: 'flu-shot' });
    await harness.env.sleep('1 day');
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient in hospital' }] });
    await harness.env.sleep('5 days'); // day 6: the day-3 reminder would be long due
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);

    await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Patient home again' }] });
    await harness.env.sleep(6.5 * DAY); // day 12.5: 7.5 active days

    const progress = await progressOf(handle);
    expect(daysOf(progress, 'message')).toEqual([0, 8]);
    expect(daysOf(progress, 'task')).toEqual([12]);
    expect(
      progress.timeline.filter((entry) => entry.kind === 'control').map((entry) => entry.summary),
    ).toEqual(['Paused by an operator: Patient in hospital', 'Resumed by an operator: Patient home again']);
    expectStagesInBlueprint(progress);
    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
  });

  test('a cancelled appointment restarts outreach from its first step; declining ends the journey', async () => {
    const handle = await start({ item: 'cervical-screening' });
    await harness.env.sleep('4 days');
    await send(handle, {
      type: 'appointment-booked',
      appointmentAt: new Date((await harness.now()) + 7 * DAY).toISOString(),
    });
    await harness.env.sleep('1 day');

    const cancelled = await send(handle, { type: 'appointment-cancelled', reason: 'Clinic closed' });
    expect(cancelled).toMatchObject({ stage: 'outreach', facts: { round: 'outreach-2' } });
    await harness.env.sleep('1 hour');
    const keys = (await harness.messagesOf(handle.workflowId)).map((message) => stepOf(message));
    expect(keys).toEqual(['outreach:step-1', 'outreach:step-2', 'outreach-2:step-1']);

    await send(handle, { type: 'declined', reason: 'Prefers her own gynaecologist' });
    const final = await finished(handle);
    expect(final).toMatchObject({ status: 'completed', stage: 'declined' });
    expect(JSON.stringify(final.timeline)).not.toContain('gynaecologist');
    expectStagesInBlueprint(final);
  });

  test('a bad event is rejected and leaves no trace in the journey', async () => {
    const handle = await start({ item: 'flu-shot' });
    await harness.env.sleep('1 hour');
    const before = await progressOf(handle);

    const rejected: unknown[] = [
      { type: 'appointment-exploded' },
      { type: 'appointment-booked', appointmentAt: 'next Tuesday' },
      { type: 'appointment-booked', appointmentAt: new Date().toISOString(), room: '12' },
      { type: 'appointment-no-show' }, // nothing is booked yet
    ];
    for (const event of rejected) {
      await expect(send(handle, event as JourneyEvent)).rejects.toThrow(WorkflowUpdateFailedError);
    }

    expect(await progressOf(handle)).toEqual(before);
    const history = await handle.fetchHistory();
    expect(
      history.events!.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes),
    ).toHaveLength(0);
    await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
  });

  describe('screenings and exclusions recorded in the EHR', () => {
    const dateOn = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const CPT = 'http://www.ama-assn.org/go/cpt';

    test('[HZ-60] [HZ-62] a colonoscopy recorded in the EHR closes the outreach as done, with its date and code, and cancels the open staff call', async () => {
      const handle = await start({ item: 'colorectal-screening' }, 'pat-colonoscopy');
      await harness.env.sleep(7 * DAY + HOUR); // the day-7 staff call is in the queue
      const [call] = await harness.tasksOf(handle.workflowId);
      expect(call).toMatchObject({ kind: 'phone-call', status: 'open' });
      const at = dateOn((await harness.now()) - 2 * DAY);
      await send(handle, { type: 'screening-done', at, test: 'colonoscopy', code: `${CPT}|45378` });
      const final = await finished(handle);
      expect(final).toMatchObject({
        status: 'completed',
        stage: 'completed',
        facts: { doneAt: at, doneTest: 'colonoscopy' },
      });
      const summaries = final.timeline.map((entry) => entry.summary).join('\n');
      expect(summaries).toContain(`Screening recorded in the EHR: colonoscopy (${CPT}|45378) on ${at}`);
      expect(await harness.tasksOf(handle.workflowId)).toEqual([
        expect.objectContaining({ kind: 'phone-call', status: 'cancelled', outcome: 'screening-done' }),
      ]);
      expectStagesInBlueprint(final);
    });

    test('[HZ-61] an old colonoscopy past its 10 years, or a test of another item, leaves the outreach running', async () => {
      const handle = await start({ item: 'colorectal-screening' }, 'pat-old-record');
      await harness.env.sleep('1 hour');
      const elevenYearsAgo = dateOn((await harness.now()) - 11 * 365 * DAY);
      const noted = await send(handle, {
        type: 'screening-done',
        at: elevenYearsAgo,
        test: 'colonoscopy',
        code: `${CPT}|45378`,
      });
      expect(noted).toMatchObject({ status: 'active', stage: 'outreach' });
      expect(noted.timeline.at(-1)!.summary).toMatch(/older than its 120 months of cover; outreach goes on/);
      await expect(
        send(handle, { type: 'screening-done', at: dateOn(await harness.now()), test: 'mammography' }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(
        send(handle, { type: 'screening-excluded', reason: 'hysterectomy-no-cervix', code: `${CPT}|58150` }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      expect(await progressOf(handle)).toMatchObject({ status: 'active', stage: 'outreach' });
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
    });

    test('[HZ-65] [HZ-68] an exclusion recorded while the outreach runs ends it with the reason, and nothing more is sent', async () => {
      const handle = await start({ item: 'mammogram' }, 'pat-mastectomy');
      await harness.env.sleep('1 hour');
      const oneSide = await send(handle, {
        type: 'screening-excluded',
        reason: 'bilateral-mastectomy',
        side: 'right',
        code: `${CPT}|19303`,
        at: '2024-01-10',
      });
      expect(oneSide).toMatchObject({ status: 'active', stage: 'outreach' });
      await send(handle, {
        type: 'screening-excluded',
        reason: 'bilateral-mastectomy',
        side: 'left',
        code: `${CPT}|19303`,
        at: '2025-02-10',
      });
      const final = await finished(handle);
      expect(final).toMatchObject({
        status: 'completed',
        stage: 'excluded',
        facts: { excluded: 'bilateral-mastectomy' },
      });
      expectStagesInBlueprint(final);
      const sent = (await harness.messagesOf(handle.workflowId)).length;
      await harness.env.sleep('40 days');
      expect(await harness.messagesOf(handle.workflowId)).toHaveLength(sent);
    });

    test("[HZ-67] the day-7 staff call carries the patient's call number and times, in their zone", async () => {
      await harness.seedContact('ref-pat-call-times', {
        timeZone: 'America/Chicago',
        callPreferences: {
          phone: '+13125550100',
          times: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '17:00', end: '19:00' }],
        },
      });
      const handle = await start({ item: 'mammogram' }, 'pat-call-times');
      await harness.env.sleep(7 * DAY + HOUR);
      const [call] = await harness.tasksOf(handle.workflowId);
      expect(call).toMatchObject({
        kind: 'phone-call',
        details: {
          call: {
            phone: '+13125550100',
            timeZone: 'America/Chicago',
            zoneSource: 'patient',
            preferredTimes: ['mon, tue, wed, thu, fri 17:00-19:00'],
          },
        },
      });
      expect((call!.details.call as { instructions: string }).instructions).toMatch(
        /^Call \+13125550100 between \d\d:\d\d and 19:00 on \w+ \d+ \w+ \(America\/Chicago\)/,
      );
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
    });

    test('[HZ-63] the call to action says how overdue a colonoscopy is by its own 10 years', async () => {
      const now = await harness.now();
      const elevenYearsAgo = new Date(now);
      elevenYearsAgo.setUTCFullYear(elevenYearsAgo.getUTCFullYear() - 11);
      elevenYearsAgo.setUTCDate(elevenYearsAgo.getUTCDate() - 7);
      const handle = await start(
        {
          item: 'colorectal-screening',
          lastDoneAt: dateOn(elevenYearsAgo.getTime()),
          lastTest: 'colonoscopy',
        },
        'pat-overdue-colonoscopy',
      );
      await harness.env.sleep('1 hour');
      const [message] = await harness.messagesOf(handle.workflowId);
      expect(message!.body).toContain('is about 1 year overdue');
      expect(await progressOf(handle)).toMatchObject({ facts: { monthsOverdue: 12 } });
      await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of scenario' }] });
    });
  });
});
