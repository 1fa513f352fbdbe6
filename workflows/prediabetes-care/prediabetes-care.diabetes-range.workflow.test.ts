import type { WorkflowHandle } from '@temporalio/client';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  createJourneyHarness,
  DAY,
  expectStagesInBlueprint,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import {
  cancelJourneyUpdate,
  pauseJourneyUpdate,
  resumeJourneyUpdate,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import {
  JOURNEY,
  logLabResult,
  progressOf,
  seedParams,
  sendEvent,
  templatesReceived,
} from './prediabetes-care.test-support';

const CONFIRMING_TEST = 'prediabetes-care.confirming-test';
const REFERRAL = 'prediabetes-care.referred-to-diabetes-care';

describe('prediabetes care: results in the diabetes range (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('prediabetes-range');
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function startWithDiabetesRangeResult(): Promise<WorkflowHandle> {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('3 days');
    const afterResult = await logLabResult(harness, handle, 'fasting-glucose-mg-dl', 131);
    expect(afterResult.stage).toBe('confirming-diabetes');
    await harness.env.sleep('1 hour');
    return handle;
  }

  test('a result in the diabetes range asks for a confirming test, from the patient and a clinician', async () => {
    const handle = await startWithDiabetesRangeResult();

    const progress = await progressOf(handle);
    expect(progress).toMatchObject({ status: 'active', stage: 'confirming-diabetes' });
    expect(progress.deadlines).toEqual([
      expect.objectContaining({ id: 'confirming-test:1', status: 'pending' }),
    ]);
    expect(Date.parse(progress.deadlines[0]!.dueAt) - (await harness.now())).toBeGreaterThan(13 * DAY);
    expect(await templatesReceived(harness, handle)).toContain(CONFIRMING_TEST);
    const tasks = await harness.tasksOf(handle.workflowId);
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'confirming-test', priority: 'routine', status: 'open' }),
    ]);
    expect(tasks[0]!.details).toMatchObject({
      result: { test: 'fasting glucose', value: 131, diabetesFrom: 126 },
    });
  });

  test('a confirmed result exits to diabetes care with a referral task for a clinician', async () => {
    const handle = await startWithDiabetesRangeResult();

    await logLabResult(harness, handle, 'hba1c-percent', 6.8);
    const final: JourneyProgress = await handle.result();

    expectStagesInBlueprint(final);
    expect(final).toMatchObject({ status: 'completed', stage: 'referred-to-diabetes-care' });
    expect(final.deadlines).toEqual([expect.objectContaining({ id: 'confirming-test:1', status: 'met' })]);
    const referral = (await harness.tasksOf(handle.workflowId)).find(
      (task) => task.kind === 'referral-diabetes-care',
    );
    expect(referral).toMatchObject({ priority: 'urgent', status: 'open' });
    expect(referral!.details).toMatchObject({
      reason: 'confirmed-result',
      results: [
        expect.objectContaining({ test: 'fasting glucose', value: 131 }),
        expect.objectContaining({ test: 'HbA1c', value: 6.8 }),
      ],
    });
    const received = await templatesReceived(harness, handle);
    expect(received.at(-1)).toBe(REFERRAL);
    expect(received.filter((template) => template === REFERRAL)).toHaveLength(1);
    await recordHistoryFixture(handle, JOURNEY, 'confirmed-diabetes-referral');
  });

  test('[HZ-04] an overdue confirming test alerts staff; a repeat of the same laboratory test below the range returns to the program', async () => {
    const handle = await startWithDiabetesRangeResult();

    await harness.env.sleep('15 days');
    let progress = await progressOf(handle);
    expect(progress.stage).toBe('confirming-diabetes');
    expect(progress.deadlines[0]).toMatchObject({ id: 'confirming-test:1', status: 'breached' });
    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({ kind: 'confirming-test' }),
      expect.objectContaining({ kind: 'confirming-test-overdue', priority: 'urgent' }),
    ]);

    progress = await logLabResult(harness, handle, 'fasting-glucose-mg-dl', 118);
    expect(progress.stage).toBe('core-sessions');
    expect(progress.deadlines[0]).toMatchObject({ status: 'met-late', lateByDays: 2 });
    expect(progress.timeline.slice(-2).map((entry) => entry.summary)).toEqual([
      'Confirming fasting glucose result below the diabetes range: diabetes not confirmed, back to the program',
      'Core phase: weekly sessions',
    ]);
    await harness.env.sleep('7 days');
    expect((await progressOf(handle)).stage).toBe('core-sessions');
    expect((await harness.tasksOf(handle.workflowId)).map((task) => task.kind)).not.toContain(
      'referral-diabetes-care',
    );
    await recordHistoryFixture(handle, JOURNEY, 'confirming-test-overdue-not-confirmed');
  });

  test("a clinician's diagnosis exits at once, even while paused, and the patient hears of it on resume", async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('20 days');
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient travelling' }] });
    await sendEvent(handle, { type: 'diabetes-diagnosed' });
    await harness.env.sleep('1 hour');

    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({ kind: 'referral-diabetes-care', priority: 'urgent' }),
    ]);
    expect(await templatesReceived(harness, handle)).not.toContain(REFERRAL);

    await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Back home' }] });
    const final: JourneyProgress = await handle.result();
    expect(final).toMatchObject({ status: 'completed', stage: 'referred-to-diabetes-care' });
    expect((await templatesReceived(harness, handle)).at(-1)).toBe(REFERRAL);
  });

  test('while paused, a diabetes-range result still reaches a clinician at once and its deadline still escalates; the patient is asked on resume', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('36 hours');
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient abroad' }] });
    await logLabResult(harness, handle, 'ogtt-mg-dl', 215);
    await harness.env.sleep('1 hour');

    expect((await harness.tasksOf(handle.workflowId)).map((task) => task.kind)).toEqual(['confirming-test']);
    expect(await templatesReceived(harness, handle)).not.toContain(CONFIRMING_TEST);
    await harness.env.sleep('15 days');
    expect((await harness.tasksOf(handle.workflowId)).map((task) => task.kind)).toEqual([
      'confirming-test',
      'confirming-test-overdue',
    ]);
    expect(await progressOf(handle)).toMatchObject({ status: 'paused', stage: 'confirming-diabetes' });

    await handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Back home' }] });
    await harness.env.sleep('1 hour');
    expect(
      (await templatesReceived(harness, handle)).filter((template) => template === CONFIRMING_TEST),
    ).toHaveLength(1);
  });

  test('an operator cancel voids the pending confirming-test deadline', async () => {
    const handle = await startWithDiabetesRangeResult();

    const cancelled = await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'Moved to another practice' }],
    });

    expect(cancelled).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    expect(cancelled.deadlines[0]).toMatchObject({ id: 'confirming-test:1', status: 'void' });
    await handle.result();
    await harness.env.sleep('20 days');
    expect((await harness.tasksOf(handle.workflowId)).map((task) => task.kind)).toEqual(['confirming-test']);
  });
});
