import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { createJourneyHarness, HOUR, type JourneyHarness } from '../../test/helpers/journey-harness';
import { pauseJourneyUpdate } from '../../contracts/journey-contract';
import {
  countOf,
  JOURNEY,
  logLabResult,
  progressOf,
  seedParams,
  sendEvent,
  templatesReceived,
} from './prediabetes-care.test-support';

/*
 * What a patient and a clinician see when readings of each kind arrive (ADA section 2; the
 * clinical-safety brief): a whole journey on the time-skipping server.
 */

const REFERRAL = 'prediabetes-care.referred-to-diabetes-care';
const CONFIRMING_TEST = 'prediabetes-care.confirming-test';
const CRITICAL = 'prediabetes-care.critical-value';
const NUDGE = 'prediabetes-care.inactivity-nudge';

describe('prediabetes care: what each kind of reading does (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('prediabetes-measure');
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function homeGlucose(
    handle: Parameters<typeof sendEvent>[0],
    value: number,
    options: { unit?: string; at?: string } = {},
  ) {
    return sendEvent(handle, {
      type: 'reading',
      metric: 'fasting-glucose-mg-dl',
      value,
      source: 'home',
      at: options.at ?? new Date((await harness.now()) - HOUR).toISOString(),
      ...(options.unit ? { unit: options.unit } : {}),
    });
  }

  test('[HZ-01] two home glucose readings of 150 and 140: no diagnosis message, no referral, no confirming test', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('51 hours');
    await homeGlucose(handle, 150);
    await harness.env.sleep('1 day');
    const progress = await homeGlucose(handle, 140);
    await harness.env.sleep('2 hours');

    expect(progress.stage).toBe('core-sessions');
    const received = await templatesReceived(harness, handle);
    expect(received).not.toContain(REFERRAL);
    expect(received).not.toContain(CONFIRMING_TEST);
    expect(await harness.tasksOf(handle.workflowId)).toEqual([]);
  });

  test('[HZ-04] a home reading below the range leaves the confirmation pending and its deadline open', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('51 hours');
    await logLabResult(harness, handle, 'hba1c-percent', 6.8);
    await harness.env.sleep('51 hours');
    const progress = await homeGlucose(handle, 95);

    expect(progress.stage).toBe('confirming-diabetes');
    expect(progress.deadlines).toEqual([
      expect.objectContaining({ id: 'confirming-test:1', status: 'pending' }),
    ]);
    await recordHistoryFixture(handle, JOURNEY, 'measured-home-reading-during-confirmation');
  });

  test('[HZ-07] a laboratory fasting glucose of 540 mg/dL is an urgent task due within hours, not a routine one in 14 days', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('51 hours');
    await logLabResult(harness, handle, 'fasting-glucose-mg-dl', 540);
    await harness.env.sleep('10 minutes');
    const now = await harness.now();

    const critical = (await harness.tasksOf(handle.workflowId)).find(
      (task) => task.kind === 'critical-value',
    );
    expect(critical).toMatchObject({ priority: 'urgent', status: 'open' });
    expect(critical!.dueAt!.getTime() - now).toBeLessThanOrEqual(4 * HOUR);
    expect(critical!.details).toMatchObject({
      reading: { value: 540, unit: 'mg/dL', source: 'laboratory' },
    });
    // The value is also in the diabetes range: the confirming test is ordered as well.
    expect((await harness.tasksOf(handle.workflowId)).map((task) => task.kind)).toContain('confirming-test');
  });

  test('[HZ-08] a home reading of 45 mg/dL reaches a clinician at once, even while paused; the patient gets no message by default', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('51 hours');
    await handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Travelling' }] });
    await homeGlucose(handle, 45);
    await harness.env.sleep('10 minutes');

    expect(await harness.tasksOf(handle.workflowId)).toEqual([
      expect.objectContaining({ kind: 'critical-value', priority: 'urgent' }),
    ]);
    expect(await templatesReceived(harness, handle)).not.toContain(CRITICAL);
    expect((await progressOf(handle)).facts.readingAlerts).toBe(1);
    await recordHistoryFixture(handle, JOURNEY, 'measured-critical-value-while-paused');
  });

  test('[HZ-19] when the program says so, the patient gets one plain message asking them to call today', async () => {
    const handle = await harness.start(JOURNEY, {
      params: seedParams,
      settings: { tellPatientOfCriticalValue: true },
    });
    await harness.env.sleep('51 hours');
    // The same meter reading, sent twice.
    const at = new Date((await harness.now()) - HOUR).toISOString();
    await homeGlucose(handle, 2.5, { unit: 'mmol/L', at });
    await homeGlucose(handle, 2.5, { unit: 'mmol/L', at });
    await harness.env.sleep('10 minutes');

    const messages = await harness.messagesOf(handle.workflowId);
    const critical = messages.filter((message) => message.template === CRITICAL);
    expect(critical).toHaveLength(1);
    expect(critical[0]!.body).not.toMatch(/2\.5|mmol|diabetes|hypoglyc/i);
    expect(countOf(await templatesReceived(harness, handle), REFERRAL)).toBe(0);
  });

  test('[HZ-14] daily weight entries without glucose still get the glucose nudge after 48 h', async () => {
    const handle = await harness.start(JOURNEY, { params: seedParams });
    await harness.env.sleep('1 hour');
    await homeGlucose(handle, 112);
    for (let day = 0; day < 3; day++) {
      await harness.env.sleep('20 hours');
      await sendEvent(handle, { type: 'reading', metric: 'weight-kg', value: 94, source: 'home' });
    }
    await harness.env.sleep('2 hours');
    expect(countOf(await templatesReceived(harness, handle), NUDGE)).toBe(1);
  });
});
