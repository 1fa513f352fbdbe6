import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  sandboxEngagement,
  seedContact,
  startProviderSandbox,
  type ProviderSandbox,
} from '../../test/helpers/engagement-sandbox';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { uniqueName } from '../../test/helpers/test-stack';
import { createTimeSkippingEnvironment } from '../../test/helpers/time-skipping';
import { journeyWorkflowBundle } from '../../test/helpers/workflow-bundle';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import { appointmentReminderWorkflow } from './appointment-reminder.workflow';
import { testDataConverter } from '../../test/helpers/test-payload-encryption';
import { HOUR_MS } from '../../contracts/durations';

describe('appointment reminder journey (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
  let providers: ProviderSandbox;
  let engagement: ReturnType<typeof sandboxEngagement>;
  const taskQueue = uniqueName('reminder');

  beforeAll(async () => {
    [env, database, providers] = await Promise.all([
      createTimeSkippingEnvironment(),
      createTestDatabase(),
      startProviderSandbox(),
    ]);
    engagement = sandboxEngagement(database.dataSource, providers);
    await seedContact(database.dataSource, 'ref-under-test');
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: testDataConverter,
      workflowBundle: await journeyWorkflowBundle(),
      activities: createActivities({ dataSource: database.dataSource, engagement }),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    engagement?.close();
    await Promise.all([env?.teardown(), database?.drop(), providers?.close()]);
  });

  async function startJourney(
    appointmentInHours: number,
    extra: { reminderLeadHours?: number; patientRef?: string; startDelayHours?: number } = {},
  ) {
    const now = (await env.currentTimeMs()) as number;
    const appointmentAt = new Date(now + appointmentInHours * HOUR_MS).toISOString();
    const handle = await env.client.workflow.start(appointmentReminderWorkflow, {
      workflowId: uniqueName('appointment-reminder'),
      taskQueue,
      ...(extra.startDelayHours ? { startDelay: extra.startDelayHours * HOUR_MS } : {}),
      args: [
        {
          patientRef: extra.patientRef ?? 'ref-under-test',
          patientId: 'pat-1',
          params: {
            appointmentAt,
            reminderLeadHours: extra.reminderLeadHours ?? 24,
            timeZone: 'Europe/Warsaw',
          },
        },
      ],
    });
    return { handle, appointmentAt: Date.parse(appointmentAt) };
  }

  const messagesOf = (journeyId: string) =>
    database.dataSource
      .getRepository(OutreachMessage)
      .find({ where: { journeyId }, order: { createdAt: 'ASC' } });

  test('sends one reminder a day before the appointment, then completes at appointment time', async () => {
    const { handle, appointmentAt } = await startJourney(72);

    const progress: JourneyProgress = await handle.result();

    expect(progress).toMatchObject({ status: 'completed', stage: 'appointment-time' });
    const sent = progress.timeline.filter((entry) => entry.kind === 'message');
    expect(sent).toHaveLength(1);
    expect(Date.parse(sent[0]!.at)).toBeGreaterThanOrEqual(appointmentAt - 24 * HOUR_MS);
    expect(Date.parse(sent[0]!.at)).toBeLessThan(appointmentAt - 23 * HOUR_MS);
    const messages = await messagesOf(handle.workflowId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'portal',
      template: 'appointment-reminder',
      patientRef: 'ref-under-test',
    });
    expect(messages[0]!.body).toContain('appointment on');
    await recordHistoryFixture(handle, 'appointment-reminder', 'reminded-then-appointment-time');
  });

  test('a patient no channel reaches gets a staff call, and the timeline never says the reminder was sent', async () => {
    await seedContact(
      database.dataSource,
      'ref-unreachable',
      { email: null, phone: null, portalEnabled: false },
      {},
    );
    const { handle } = await startJourney(72, { patientRef: 'ref-unreachable' });

    const progress: JourneyProgress = await handle.result();

    const summaries = progress.timeline.map((entry) => entry.summary);
    expect(summaries).toContainEqual(expect.stringMatching(/^Appointment reminder reached no channel \(/));
    expect(summaries.filter((summary) => /sent/i.test(summary))).toEqual([]);
    expect(progress).toMatchObject({ status: 'completed', stage: 'appointment-time' });
    expect(await messagesOf(handle.workflowId)).toHaveLength(0);
  });

  test('a journey that first runs after the appointment says the reminder was not sent', async () => {
    const { handle } = await startJourney(2, { reminderLeadHours: 1, startDelayHours: 3 });

    const progress: JourneyProgress = await handle.result();

    expect(progress).toMatchObject({ status: 'completed', stage: 'appointment-time' });
    expect(progress.timeline.map((entry) => entry.summary)).toContain(
      'Reminder not sent: the appointment time had passed before it could go out',
    );
    expect(await messagesOf(handle.workflowId)).toHaveLength(0);
  });

  test('a cancelled appointment ends the journey and no reminder is ever sent', async () => {
    const { handle } = await startJourney(72);
    await env.sleep('1 hour');

    const afterEvent = await handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'appointment-cancelled' }],
    });
    expect(afterEvent).toMatchObject({ status: 'completed', stage: 'appointment-cancelled' });

    const final: JourneyProgress = await handle.result();
    expect(final.timeline.some((entry) => entry.kind === 'message')).toBe(false);
    expect(await messagesOf(handle.workflowId)).toHaveLength(0);
    await recordHistoryFixture(handle, 'appointment-reminder', 'cancelled-appointment');
  });

  test('a reschedule after the reminder earns a new reminder for the new time', async () => {
    const { handle, appointmentAt } = await startJourney(30);
    await env.sleep('8 hours'); // past the reminder at 6 h
    expect((await handle.query(progressQuery)).stage).toBe('reminded');

    const movedTo = new Date(appointmentAt + 48 * HOUR_MS).toISOString();
    const rescheduled = await handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'appointment-rescheduled', appointmentAt: movedTo }],
    });
    expect(rescheduled.stage).toBe('scheduled');
    expect(rescheduled.upcoming.map((timer) => timer.id)).toEqual(['reminder', 'appointment']);

    await handle.result();
    const messages = await messagesOf(handle.workflowId);
    expect(messages.map((message) => message.stepKey)).toEqual([
      `${handle.workflowId}/reminder:${new Date(appointmentAt).toISOString()}`,
      `${handle.workflowId}/reminder:${movedTo}`,
    ]);
    await recordHistoryFixture(handle, 'appointment-reminder', 'rescheduled-after-reminder');
  });

  test('a paused journey holds its reminder until resumed, and sends it once', async () => {
    const { handle, appointmentAt } = await startJourney(72);
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient asked for a break' }] });
    await env.sleep('55 hours'); // well past the reminder time (48 h) while paused
    expect(await messagesOf(handle.workflowId)).toHaveLength(0);
    expect((await handle.query(progressQuery)).status).toBe('paused');

    await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Patient is back' }] });
    const final: JourneyProgress = await handle.result();

    expect(final.stage).toBe('appointment-time');
    const messages = await messagesOf(handle.workflowId);
    expect(messages).toHaveLength(1);
    const sent = final.timeline.filter((entry) => entry.kind === 'message');
    expect(sent).toHaveLength(1);
    expect(Date.parse(sent[0]!.at)).toBeGreaterThanOrEqual(appointmentAt - 17 * HOUR_MS); // at the resume (55 h), not at 48 h
    expect(final.timeline.filter((entry) => entry.kind === 'control').map((entry) => entry.summary)).toEqual([
      'Paused by an operator: Patient asked for a break',
      'Resumed by an operator: Patient is back',
    ]);
  });

  test('an unknown or malformed event is rejected and leaves no trace in the journey', async () => {
    const { handle } = await startJourney(72);
    const before = await handle.query(progressQuery);

    await expect(
      handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'appointment-exploded' }] }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(
      handle.executeUpdate(journeyEventUpdate, {
        args: [{ type: 'appointment-rescheduled', appointmentAt: 'soon' }],
      }),
    ).rejects.toThrow(WorkflowUpdateFailedError);

    expect(await handle.query(progressQuery)).toEqual(before);
    const history = await handle.fetchHistory();
    const updates = history.events!.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updates).toHaveLength(0);
  });

  test('an operator cancel needs a reason and records it', async () => {
    const { handle } = await startJourney(72);

    await expect(handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: '  ' }] })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    const cancelled = await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'Patient moved away' }],
    });

    expect(cancelled).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    expect(cancelled.timeline.at(-1)!.summary).toContain('Patient moved away');
    expect(await messagesOf(handle.workflowId)).toHaveLength(0);
    // The run has ended, so Temporal itself refuses further updates.
    await expect(
      handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'appointment-attended' }] }),
    ).rejects.toThrow();
    await recordHistoryFixture(handle, 'appointment-reminder', 'operator-cancel');
  });
});
