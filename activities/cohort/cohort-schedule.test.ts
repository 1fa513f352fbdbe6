import { Client, Connection, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../../test/helpers/test-stack';
import { ensureCohortFinderSchedule } from './cohort-schedule';
import { DEFAULT_COHORT_FINDER_CRON, loadCohortSettings } from '../../shared/cohort/cohort-settings';

describe('loadCohortSettings', () => {
  test('nightly at 02:00 UTC unless told otherwise; off turns the schedule off', () => {
    expect(loadCohortSettings({})).toEqual({
      schedule: { cron: DEFAULT_COHORT_FINDER_CRON, timeZone: 'UTC' },
      timeZone: 'UTC',
    });
    expect(loadCohortSettings({ COHORT_FINDER_CRON: '', COHORT_FINDER_TIME_ZONE: '' }).schedule?.cron).toBe(
      '0 2 * * *',
    );
    expect(
      loadCohortSettings({ COHORT_FINDER_CRON: ' 30  1 * * 1-5 ', COHORT_FINDER_TIME_ZONE: 'Europe/Warsaw' }),
    ).toEqual({ schedule: { cron: '30 1 * * 1-5', timeZone: 'Europe/Warsaw' }, timeZone: 'Europe/Warsaw' });
    expect(loadCohortSettings({ COHORT_FINDER_CRON: '@daily' }).schedule?.cron).toBe('@daily');
    expect(loadCohortSettings({ COHORT_FINDER_CRON: 'off' })).toEqual({
      schedule: undefined,
      timeZone: 'UTC',
    });
  });

  test('a bad value names the variable and never echoes what was set', () => {
    const attempt = () =>
      loadCohortSettings({
        COHORT_FINDER_CRON: 'every night secret-x',
        COHORT_FINDER_TIME_ZONE: 'Mars/Olympus',
      });
    expect(attempt).toThrow(/COHORT_FINDER_CRON: must be a five-field cron/);
    expect(attempt).toThrow(/COHORT_FINDER_TIME_ZONE: must be an IANA time zone/);
    expect(attempt).not.toThrow(/secret-x|Olympus/);
  });
});

/** Against the real Temporal dev server: the Schedule as the Web UI shows it. */
describe('ensureCohortFinderSchedule', () => {
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: stackValue('temporalAddress') });
    client = new Client({ connection, namespace: TEST_NAMESPACE });
  });
  afterAll(() => connection?.close());

  test('creates the schedule once with the configured cron, updates it when the cron changes, off removes it', async () => {
    const scheduleId = uniqueName('cohort-finder');
    const taskQueue = uniqueName('journeys');
    const nightly = { cron: '0 2 * * *', timeZone: 'Europe/Warsaw' };

    expect(await ensureCohortFinderSchedule(client, { schedule: nightly, taskQueue, scheduleId })).toBe(
      'created',
    );
    expect(await ensureCohortFinderSchedule(client, { schedule: nightly, taskQueue, scheduleId })).toBe(
      'unchanged',
    );

    const handle = client.schedule.getHandle(scheduleId);
    const created = await handle.describe();
    expect(created.spec.timezone).toBe('Europe/Warsaw');
    expect(created.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 2, end: 2, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);
    expect(created.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(created.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'cohortFinderWorkflow',
      taskQueue,
    });
    // The next run is at 02:00 in Warsaw.
    const next = created.info.nextActionTimes[0]!;
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Warsaw',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('02:00');
    const listed = [];
    for await (const schedule of client.schedule.list())
      if (schedule.scheduleId === scheduleId) listed.push(schedule);
    expect(listed).toHaveLength(1);

    // An operator paused it in the Web UI; a new cron at the next worker start keeps it paused.
    await handle.pause('paused by an operator');
    const weekly = { cron: '15 3 * * 1', timeZone: 'Europe/Warsaw' };
    expect(await ensureCohortFinderSchedule(client, { schedule: weekly, taskQueue, scheduleId })).toBe(
      'updated',
    );
    const updated = await handle.describe();
    expect(updated.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 3, end: 3, step: 1 }],
        dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
      }),
    ]);
    expect(updated.state.paused).toBe(true);

    expect(await ensureCohortFinderSchedule(client, { schedule: undefined, taskQueue, scheduleId })).toBe(
      'removed',
    );
    await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect(await ensureCohortFinderSchedule(client, { schedule: undefined, taskQueue, scheduleId })).toBe(
      'absent',
    );
  });
});
