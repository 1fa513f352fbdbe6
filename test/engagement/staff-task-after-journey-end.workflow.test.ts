import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  cancelJourneyUpdate,
  deliveryStatusSignal,
  JOURNEY_ENDED_FAILURE,
  journeyEventUpdate,
  pauseJourneyUpdate,
  patientRespondedSignal,
  progressQuery,
} from '../../contracts/journey-contract';
import { PREVENTIVE_OUTREACH } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { recordHistoryFixture } from '../helpers/history-fixtures';
import { createJourneyHarness, type JourneyHarness } from '../helpers/journey-harness';

/**
 * A journey ends while it is raising a staff call: no channel reached the patient just before the
 * EHR recorded their death, and the call was still being written when the journey ended. The real
 * activities run; only the call's start is held until the journey has ended, so the race (seen in
 * CI on the HZ-29 test) is the same every run.
 */
describe('a staff call being raised when the journey ends', () => {
  let harness: JourneyHarness;
  let release: () => void = () => undefined;
  let raisingStarted: () => void = () => undefined;
  let started: Promise<void>;
  let raised: Promise<unknown> = Promise.resolve();
  let closingRan: () => void = () => undefined;
  const closedCalls = new Promise<void>((resolve) => (closingRan = resolve));

  beforeAll(async () => {
    harness = await createJourneyHarness('task-end', {
      wrapActivities: (real) => ({
        ...real,
        createStaffTask(...args: Parameters<typeof real.createStaffTask>) {
          raisingStarted();
          raised = new Promise<void>((resolve) => (release = resolve)).then(() =>
            real.createStaffTask(...args),
          );
          return raised as ReturnType<typeof real.createStaffTask>;
        },
        async closeJourneyStaffTasks(...args: Parameters<typeof real.closeJourneyStaffTasks>) {
          const answer = await real.closeJourneyStaffTasks(...args);
          closingRan();
          return answer;
        },
      }),
    });
  });

  afterAll(async () => {
    release();
    await harness?.close();
  });

  beforeEach(() => {
    started = new Promise<void>((resolve) => (raisingStarted = resolve));
  });

  const CLOSED_WITH_THE_END =
    '1 staff task(s) closed: The journey ended (cancelled): the call is no longer needed';

  test('[HZ-95] [HZ-93] the call is closed with the end, and the timeline says it came as the journey ended; meanwhile changes are refused as to an ended journey', async () => {
    await harness.seedContact(
      'ref-ended-while-raising',
      { email: null, phone: null, portalEnabled: false, channelOrder: ['email', 'sms', 'portal'] },
      {},
    );
    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'mammogram' },
      patientRef: 'ref-ended-while-raising',
    });
    await started;
    await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'The EHR records the patient as deceased', by: 'ehr' }],
    });
    // Ended, its workflow still running (the call is held): every change is refused as to an ended
    // journey, which the API answers 409 as it does a closed one, not 400 as a refused change.
    for (const change of [
      () => handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'again' }] }),
      () => handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'in hospital' }] }),
      () => handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'declined' }] }),
    ]) {
      const refusal = await change().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refusal as WorkflowUpdateFailedError).cause).toMatchObject({
        type: JOURNEY_ENDED_FAILURE,
        message: 'The journey has already ended (stage "cancelled").',
      });
    }
    release();
    await raised;
    await handle.result();

    const tasks = await harness.tasksOf(handle.workflowId);
    expect(tasks.map(({ kind, status, outcome }) => ({ kind, status, outcome }))).toEqual([
      { kind: 'call', status: 'cancelled', outcome: 'journey-ended' },
    ]);
    const { timeline } = await handle.query(progressQuery);
    const end = timeline.findIndex((entry) => entry.summary.startsWith('Ended by the EHR'));
    expect(timeline.slice(end + 1).map((entry) => entry.summary)).toEqual([
      'Staff task (routine): Call the patient: no message channel could reach them, raised as the journey ended',
      CLOSED_WITH_THE_END,
    ]);
  });

  test("[HZ-95] a call raised by a redelivery (beside the journey's main path) is waited for, then closed with the end", async () => {
    await harness.seedContact(
      'ref-bounced-then-ended',
      { email: 'replies-first@patients.test', phone: null, portalEnabled: false, channelOrder: ['email'] },
      { email: 'granted' },
    );
    const handle = await harness.start(PREVENTIVE_OUTREACH, {
      params: { item: 'mammogram' },
      patientRef: 'ref-bounced-then-ended',
    });
    const sentLine = (summary: string) => / sent by email$/.test(summary);
    while (!(await handle.query(progressQuery)).timeline.some((entry) => sentLine(entry.summary))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [sent] = await harness.messagesOf(handle.workflowId);
    // The patient answered, so the step moved on; then the email bounces: the journey tries the
    // next channel (there is none) and raises a call beside its main path, which waits for its
    // next step.
    const step = sent.stepKey!.slice(handle.workflowId.length + 1);
    await handle.signal(patientRespondedSignal, { channel: 'email' });
    await handle.signal(deliveryStatusSignal, {
      step,
      channel: 'email',
      status: 'failed',
      detail: 'bounced',
    });
    await started;
    await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'The EHR records the patient as deceased', by: 'ehr' }],
    });
    // The worst order: had the end already asked to close the calls, the call is written after it.
    if (await closingScheduledAfterTheEnd(handle)) await closedCalls;
    release();
    await raised;
    await handle.result();

    const calls = (await harness.tasksOf(handle.workflowId)).filter((task) => task.kind === 'call');
    expect(calls.map(({ status, outcome }) => ({ status, outcome }))).toEqual([
      { status: 'cancelled', outcome: 'journey-ended' },
    ]);
    const { timeline } = await handle.query(progressQuery);
    expect(timeline.at(-1)!.summary).toBe(CLOSED_WITH_THE_END);
    await recordHistoryFixture(handle, 'preventive-outreach', 'call-raised-beside-the-path-as-journey-ended');
  });
});

/**
 * Whether the journey asked to close its calls after the end while the call was still being raised
 * (the order CI met). A journey that waits for the call schedules nothing meanwhile: that absence
 * is all there is to see, so it is looked for over a bounded second and a half.
 */
async function closingScheduledAfterTheEnd(handle: WorkflowHandle): Promise<boolean> {
  const { EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: UPDATE_ACCEPTED } = temporal.api.enums.v1.EventType;
  const until = Date.now() + 1_500;
  while (Date.now() < until) {
    const events = (await handle.fetchHistory()).events ?? [];
    const ended = events.findLastIndex((event) => event.eventType === UPDATE_ACCEPTED);
    const closing = events
      .slice(ended + 1)
      .some(
        (event) =>
          event.activityTaskScheduledEventAttributes?.activityType?.name === 'closeJourneyStaffTasks',
      );
    if (closing) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
