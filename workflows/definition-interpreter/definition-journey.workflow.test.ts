import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { checkDefinition } from '../../contracts/journey-definitions/validate-definition';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  staffTaskCompletedSignal,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { DAY, HOUR, createJourneyHarness, type JourneyHarness } from '../../test/helpers/journey-harness';
import { uniqueName } from '../../test/helpers/test-stack';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type DefinitionJourneyInput,
  type DefinitionJourneyParams,
  type definitionJourney,
} from './definition-journey.workflow';

const definition = screeningBooking as unknown as JourneyDefinition;
const schedulingUrl = 'https://scheduling.example.org/screening';

/*
 * The example definition (invite, wait for a booking with a timeout, decide, staff call, end) run
 * by the interpreter workflow on a time-skipping server with the real engagement layer: an
 * English patient by SMS and a Spanish one by email, as a designer would preview them.
 */
describe('definitionJourney: a journey definition on the worker (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('definition-journey');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const patients = {
    englishSms: {
      patientRef: 'ref-def-en',
      contact: { phone: '+15555550611', language: 'en', channelOrder: ['sms' as const] },
      consents: { sms: 'granted' as const },
    },
    spanishEmail: {
      patientRef: 'ref-def-es',
      contact: { email: 'maria@patients.test', language: 'es', channelOrder: ['email' as const] },
      consents: { email: 'granted' as const },
    },
  };

  async function start(
    patient: keyof typeof patients,
    params: Partial<DefinitionJourneyParams> = {},
  ): Promise<WorkflowHandleWithFirstExecutionRunId<typeof definitionJourney>> {
    const { patientRef, contact, consents } = patients[patient];
    await harness.seedContact(patientRef, { ...contact, portalEnabled: false, timeZone: 'UTC' }, consents);
    const input: DefinitionJourneyInput = {
      patientRef,
      patientId: `pat-${patientRef}`,
      params: { definition, timeZone: 'America/New_York', values: { schedulingUrl }, ...params },
      program: { version: 3, settings: {} },
    };
    return harness.env.client.workflow.start<typeof definitionJourney>(DEFINITION_JOURNEY_WORKFLOW, {
      workflowId: uniqueName('definition-journey'),
      taskQueue: harness.taskQueue,
      args: [input],
    });
  }
  const progressOf = (handle: WorkflowHandle) => handle.query(progressQuery);
  const finished = async (handle: WorkflowHandle) => (await handle.result()) as JourneyProgress;
  const control = { reason: 'Scenario', operator: 'ops-key' };
  /** What the staff queue does when a task is completed (staff-tasks.service.ts): the row, then the journey. */
  async function complete(handle: WorkflowHandle, task: StaffTask, outcome: string): Promise<void> {
    await harness.database.dataSource
      .getRepository(StaffTask)
      .update(task.id, { status: 'done', outcome, completedAt: new Date(await harness.now()) });
    await handle.signal(staffTaskCompletedSignal, {
      taskId: task.id,
      step: task.idempotencyKey.slice(task.journeyId.length + 1),
      kind: task.kind,
      outcome,
    });
  }
  const lines = (progress: JourneyProgress, pattern: RegExp) =>
    progress.timeline.filter((entry) => pattern.test(entry.summary));
  const daysOf = (progress: JourneyProgress, at: string) =>
    Math.round(((Date.parse(at) - Date.parse(progress.startedAt)) / DAY) * 10) / 10;

  test('English SMS: the invitation goes out in the definition wording; a booking before the timeout ends it as booked', async () => {
    const handle = await start('englishSms');
    await harness.env.sleep('1 hour');

    const [message] = await harness.messagesOf(handle.workflowId);
    expect(message).toMatchObject({
      channel: 'sms',
      template: 'screening-invitation',
      language: 'en',
      templateFile: 'inline:screening-invitation.en.plain.sms',
    });
    expect(message!.body).toBe(`Your screening is due. Book: ${schedulingUrl}`);
    expect(harness.providers.sms.messages().filter((sms) => sms.to === '+15555550611')).toHaveLength(1);
    const waiting = await progressOf(handle);
    expect(waiting).toMatchObject({
      journey: 'screening-booking',
      status: 'active',
      stage: 'invited',
      settingsVersion: 3,
      facts: { definitionVersion: 1 },
    });
    expect(waiting.upcoming).toEqual([
      expect.objectContaining({ id: 'wait-booking:timeout', label: 'Wait for a booking' }),
    ]);
    expect(daysOf(waiting, waiting.upcoming[0]!.dueAt)).toBe(14);

    await harness.env.sleep(3 * DAY + 5 * HOUR);
    const answer = await handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'appointment-booked', appointmentAt: '2030-01-10T15:00:00.000Z' }],
    });
    // The update's answer already shows where the booking took the patient, as for coded journeys.
    expect(answer).toMatchObject({ status: 'completed', stage: 'booked' });
    const final = await finished(handle);

    expect(final).toMatchObject({
      status: 'completed',
      stage: 'booked',
      facts: { appointmentAt: '2030-01-10T15:00:00.000Z', dropOff: false },
      upcoming: [],
    });
    expect(lines(final, /^Appointment booked$/)).toHaveLength(1);
    expect(final.timeline.at(-1)).toMatchObject({
      kind: 'stage',
      summary: 'Journey ended: screening booked',
    });
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
    await recordHistoryFixture(handle, 'definition-interpreter', 'english-sms-booked-before-timeout');
  });

  test('Spanish email: no booking, so the timeout, the decision and a staff call; its outcome picks the end', async () => {
    const handle = await start('spanishEmail');
    await harness.env.sleep('1 hour');
    const [message] = await harness.messagesOf(handle.workflowId);
    expect(message).toMatchObject({ channel: 'email', language: 'es' });
    expect(message!.body.split('\n')[0]).toBe(
      `Es hora de su prueba de detección. Reserve en ${schedulingUrl} o llámenos.`,
    );
    // The email's unsubscribe line comes in the patient's language too.
    expect(message!.body).toContain('Puede dejar de recibir estos correos');
    const [mail] = harness.providers.smtp
      .messages()
      .filter((sent) => sent.to.includes('maria@patients.test'));
    expect(mail!.html).toContain(`href="${schedulingUrl}"`);

    await harness.env.sleep(14 * DAY);
    const calling = await progressOf(handle);
    expect(calling).toMatchObject({ status: 'active', stage: 'calling' });
    expect(lines(calling, /Wait for a booking: time is up/)).toHaveLength(1);
    const [task] = await harness.tasksOf(handle.workflowId);
    expect(task).toMatchObject({
      kind: 'call',
      title: 'Call the patient: no screening booked',
      priority: 'routine',
      status: 'open',
      idempotencyKey: `${handle.workflowId}/call-patient`,
    });
    expect(task!.dueAt!.getTime() - Date.parse(lines(calling, /^Staff call$/)[0]!.at)).toBe(2 * DAY);

    await complete(handle, task!, 'declined');
    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'completed', stage: 'declined', facts: { dropOff: true } });
    expect(lines(final, /^Staff task done \(call\): declined$/)).toHaveLength(1);
    expect(final.timeline.at(-1)).toMatchObject({
      kind: 'stage',
      ref: 'declined',
      summary: 'Journey ended: the patient declined',
    });
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);
    await recordHistoryFixture(handle, 'definition-interpreter', 'spanish-email-timeout-staff-call-declined');
  });

  test('pause stops the booking window (one line each for pause, resume and cancel); cancel ends it with nothing more sent', async () => {
    const handle = await start('englishSms');
    await harness.env.sleep(2 * DAY + 3 * HOUR);
    const paused = await handle.executeUpdate(pauseJourneyUpdate, { args: [control] });
    expect(paused).toMatchObject({ status: 'paused', upcoming: [] });
    // An event the journey does not declare is refused before it reaches the history.
    await expect(
      handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'lab-result', value: 7 }] }),
    ).rejects.toThrow();

    // Twenty days paused: the fourteen days of active time have not run out.
    await harness.env.sleep(20 * DAY);
    expect(await progressOf(handle)).toMatchObject({ status: 'paused', stage: 'invited' });
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);

    await handle.executeUpdate(resumeJourneyUpdate, { args: [control] });
    const resumed = await progressOf(handle);
    expect(resumed).toMatchObject({ status: 'active', stage: 'invited' });
    // 14 days of active time less the 2 days and 3 hours before the pause.
    expect(Date.parse(resumed.upcoming[0]!.dueAt) - (await harness.now())).toBeGreaterThan(11 * DAY);

    await harness.env.sleep(5 * DAY);
    await handle.executeUpdate(cancelJourneyUpdate, { args: [control] });
    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'cancelled', stage: 'cancelled', upcoming: [] });
    expect(lines(final, /^Paused by an operator: Scenario$/)).toHaveLength(1);
    expect(lines(final, /^Resumed by an operator: Scenario$/)).toHaveLength(1);
    expect(lines(final, /Cancel/)).toEqual([
      expect.objectContaining({ summary: 'Cancelled by an operator: Scenario', by: 'ops-key' }),
    ]);
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
    await recordHistoryFixture(handle, 'definition-interpreter', 'paused-resumed-cancelled');
  });

  test('a journey keeps the definition version it started on; a patient no channel reaches gets a staff call and the flow goes on', async () => {
    const version2: JourneyDefinition = {
      ...definition,
      version: 2,
      settings: {
        ...definition.settings,
        bookingWindow: { type: 'duration', title: 'Time to book', default: { amount: 7, unit: 'days' } },
      },
      nodes: definition.nodes.map((node) =>
        node.kind === 'message'
          ? {
              ...node,
              message: {
                ...node.message,
                wording: {
                  ...node.message.wording,
                  en: { plain: { any: 'Please book: {{schedulingUrl}}' } },
                },
              },
            }
          : node,
      ),
    };
    const first = await start('englishSms');
    const second = await start('englishSms', { definition: version2 });
    await harness.seedContact('ref-def-none', { portalEnabled: false, channelOrder: ['email', 'sms'] }, {});
    const unreachable = await harness.env.client.workflow.start<typeof definitionJourney>(
      DEFINITION_JOURNEY_WORKFLOW,
      {
        workflowId: uniqueName('definition-journey'),
        taskQueue: harness.taskQueue,
        args: [
          {
            patientRef: 'ref-def-none',
            patientId: 'pat-def-none',
            params: { definition, timeZone: 'UTC', values: { schedulingUrl } },
            program: { version: 0, settings: {} },
          },
        ],
      },
    );
    await harness.env.sleep('1 hour');

    const [firstMessage] = await harness.messagesOf(first.workflowId);
    const [secondMessage] = await harness.messagesOf(second.workflowId);
    expect(firstMessage!.body).toBe(`Your screening is due. Book: ${schedulingUrl}`);
    expect(secondMessage!.body).toBe(`Please book: ${schedulingUrl}`);
    const [one, two] = [await progressOf(first), await progressOf(second)];
    expect(one.facts).toMatchObject({ definitionVersion: 1 });
    expect(two.facts).toMatchObject({ definitionVersion: 2 });
    expect(daysOf(one, one.upcoming[0]!.dueAt)).toBe(14);
    expect(daysOf(two, two.upcoming[0]!.dueAt)).toBe(7);

    expect(await harness.messagesOf(unreachable.workflowId)).toEqual([]);
    expect(await harness.tasksOf(unreachable.workflowId)).toEqual([
      expect.objectContaining({
        kind: 'call',
        idempotencyKey: `${unreachable.workflowId}/invite/unreachable`,
      }),
    ]);
    expect(await progressOf(unreachable)).toMatchObject({
      stage: 'invited',
      upcoming: [expect.objectContaining({ id: 'wait-booking:timeout' })],
    });

    for (const handle of [first, second, unreachable]) {
      await handle.executeUpdate(cancelJourneyUpdate, { args: [control] });
    }
  });

  test('a deadline runs on the wall clock while the journey is paused: warned, then breached with an urgent task', async () => {
    const checked = checkDefinition({
      id: 'result-review',
      version: 1,
      title: 'Review a result',
      languages: ['en'],
      settings: {},
      events: [{ type: 'result-reviewed', label: 'Result reviewed' }],
      stages: [{ id: 'waiting', label: 'Waiting for the review' }],
      start: 'wait-review',
      nodes: [
        {
          id: 'wait-review',
          kind: 'wait',
          label: 'Wait for the review',
          stage: 'waiting',
          events: [{ event: 'result-reviewed', next: 'reviewed' }],
          timeout: {
            deadline: { label: 'Review the result', within: 3, count: 'calendar', warnBefore: 1 },
            next: 'late',
          },
        },
        {
          id: 'reviewed',
          kind: 'end',
          label: 'Reviewed',
          summary: 'Journey ended: reviewed',
          dropOff: false,
        },
        { id: 'late', kind: 'end', label: 'Late', summary: 'Journey ended: reviewed late', dropOff: false },
      ],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked));
    const handle = await start('englishSms', { definition: checked.definition, timeZone: 'UTC' });
    await harness.env.sleep(HOUR);
    const started = await handle.executeUpdate(pauseJourneyUpdate, { args: [control] });
    expect(started.deadlines).toEqual([
      expect.objectContaining({ id: 'wait-review', label: 'Review the result', status: 'pending' }),
    ]);
    // A paused journey still shows its wall-clock deadline as upcoming.
    expect(started.upcoming.map((timer) => timer.id)).toEqual(['wait-review:warn', 'wait-review:timeout']);

    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'completed', stage: 'late' });
    expect(final.deadlines).toEqual([
      expect.objectContaining({
        status: 'breached',
        warnedAt: expect.any(String),
        breachedAt: expect.any(String),
      }),
    ]);
    const tasks = await harness.tasksOf(handle.workflowId);
    expect(
      tasks.map((task) => [task.kind, task.priority, task.idempotencyKey.split('/').slice(1).join('/')]),
    ).toEqual([
      ['deadline-warning', 'routine', 'wait-review/warning'],
      ['deadline-breach', 'urgent', 'wait-review/breach'],
    ]);
    const breach = lines(final, /^Deadline passed: Review the result$/);
    expect(breach).toHaveLength(1);
    // Due at the end of the third local day after enrolment (UTC here), and breached then, paused or not.
    // Exactly midnight UTC four days on, whatever the time of day the journey started.
    const dueAt = Date.parse(final.deadlines[0]!.dueAt);
    const enrolled = new Date(final.startedAt);
    expect(dueAt).toBe(
      Date.UTC(enrolled.getUTCFullYear(), enrolled.getUTCMonth(), enrolled.getUTCDate() + 4),
    );
    expect(Date.parse(breach[0]!.at) - dueAt).toBeGreaterThanOrEqual(0);
    expect(Date.parse(breach[0]!.at) - dueAt).toBeLessThan(60_000);
    await recordHistoryFixture(handle, 'definition-interpreter', 'deadline-warned-and-breached-while-paused');
  });

  test('a long history continues as new with the reducer state: the timeout, the staff call and its outcome go on', async () => {
    const handle = await start('spanishEmail', { historyEventsBeforeContinueAsNew: 40 });
    await harness.env.sleep('1 hour');
    // Each pause and resume adds to the history, as a year of events would.
    for (let round = 0; round < 4; round++) {
      await handle.executeUpdate(pauseJourneyUpdate, { args: [control] });
      await harness.env.sleep(HOUR);
      await handle.executeUpdate(resumeJourneyUpdate, { args: [control] });
      await harness.env.sleep(HOUR);
    }
    const description = await handle.describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    const carried = await progressOf(handle);
    expect(lines(carried, /^History compacted: continuing as run 2$/)).toHaveLength(1);
    expect(carried).toMatchObject({ status: 'active', stage: 'invited' });
    expect(carried.upcoming.map((timer) => timer.id)).toEqual(['wait-booking:timeout']);

    await harness.env.sleep(15 * DAY);
    const [task] = await harness.tasksOf(handle.workflowId);
    expect(task).toMatchObject({ kind: 'call', status: 'open' });
    await complete(handle, task!, 'booked');
    const final = await finished(handle);

    expect(final).toMatchObject({ status: 'completed', stage: 'booked' });
    expect(lines(final, /^Paused by an operator/)).toHaveLength(4);
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);
    // Run 2 came paused, resumed, had its timeout fire and raised the call, then continued as run 3.
    expect(lines(final, /^History compacted: continuing as run 3$/)).toHaveLength(1);
    const secondRun = harness.env.client.workflow.getHandle(handle.workflowId, description.runId);
    await recordHistoryFixture(secondRun, 'definition-interpreter', 'continued-as-new-run-2-timeout-call');
    await recordHistoryFixture(handle, 'definition-interpreter', 'continued-as-new-run-3-call-booked');
  });
});

describe('definitionJourney with the quiet hours on (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('definition-journey-quiet', { policy: { dailyMessageCap: 50 } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  test('a booking while the invitation waits for the morning is taken by the wait: booked, no staff call', async () => {
    // 22:00 in the patient's zone (UTC): inside the quiet hours.
    const now = await harness.now();
    await harness.env.sleep((((22 * HOUR - (now % DAY)) % DAY) + DAY) % DAY);
    await harness.seedContact(
      'ref-def-night',
      { phone: '+15555550622', language: 'en', timeZone: 'UTC', portalEnabled: false, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
    const handle = await harness.env.client.workflow.start<typeof definitionJourney>(
      DEFINITION_JOURNEY_WORKFLOW,
      {
        workflowId: uniqueName('definition-journey'),
        taskQueue: harness.taskQueue,
        args: [
          {
            patientRef: 'ref-def-night',
            patientId: 'pat-def-night',
            params: { definition, timeZone: 'UTC', values: { schedulingUrl } },
            program: { version: 0, settings: {} },
          },
        ],
      },
    );
    await harness.env.sleep(90 * 60 * 1000);
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);
    const held = await handle.query(progressQuery);
    expect(held.timeline.some((entry) => entry.kind === 'message' && /quiet hours/.test(entry.summary))).toBe(
      true,
    );

    await handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'appointment-booked', appointmentAt: '2030-02-01T15:00:00.000Z' }],
    });
    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'booked' });
    // The invitation still went at 08:00 (it was on its way); the booking came before it and counts.
    expect(await harness.messagesOf(handle.workflowId)).toHaveLength(1);
    const sent = final.timeline.filter((entry) => /sent by sms/.test(entry.summary));
    expect(sent.map((entry) => entry.at.slice(11, 16))).toEqual(['08:00']);
    const booked = final.timeline.findIndex((entry) => entry.summary === 'Appointment booked');
    expect(booked).toBeLessThan(final.timeline.indexOf(sent[0]!));
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
    await recordHistoryFixture(
      handle,
      'definition-interpreter',
      'booking-while-invitation-held-for-quiet-hours',
    );
  });
});
