import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { cohortFinderWorkflow } from '../../workflows/cohort-finder/cohort-finder.workflow';
import type { CohortFinderSchedule } from '../../shared/cohort/cohort-settings';

export const COHORT_FINDER_SCHEDULE_ID = 'cohort-finder';

export interface CohortScheduleOptions {
  /** From COHORT_FINDER_CRON; undefined (`off`) removes the schedule. */
  schedule: CohortFinderSchedule | undefined;
  taskQueue: string;
  /** Tests use their own; one deployment has one. */
  scheduleId?: string;
}

export type CohortScheduleOutcome = 'created' | 'updated' | 'unchanged' | 'removed' | 'absent';

/**
 * Makes the Temporal Schedule of the cohort finder match the settings, at every worker start:
 * created when missing, updated when the cron, time zone or task queue changed, removed when
 * turned off. Overlap SKIP: a run still paging through a large EHR is never doubled by the next
 * night's. A schedule an operator paused in the Web UI stays paused.
 */
export async function ensureCohortFinderSchedule(
  client: Client,
  { schedule, taskQueue, scheduleId = COHORT_FINDER_SCHEDULE_ID }: CohortScheduleOptions,
): Promise<CohortScheduleOutcome> {
  const handle = client.schedule.getHandle(scheduleId);
  const existing = await describeOrUndefined(() => handle.describe());
  if (!schedule) {
    if (!existing) return 'absent';
    await handle.delete();
    return 'removed';
  }
  const wanted = scheduleDefinition(schedule, taskQueue, scheduleId);
  if (!existing) {
    try {
      await client.schedule.create({ scheduleId, ...wanted, state: { note: wanted.note } });
      return 'created';
    } catch (error) {
      // Another worker starting at the same moment created it: check that one instead.
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      return ensureCohortFinderSchedule(client, { schedule, taskQueue, scheduleId });
    }
  }
  if (existing.state.note === wanted.note && existing.action.taskQueue === taskQueue) return 'unchanged';
  await handle.update((previous) => ({
    ...previous,
    spec: wanted.spec,
    action: wanted.action,
    policies: { ...previous.policies, ...wanted.policies },
    state: { paused: previous.state.paused, note: wanted.note },
  }));
  return 'updated';
}

function scheduleDefinition(schedule: CohortFinderSchedule, taskQueue: string, scheduleId: string) {
  const spec: ScheduleSpec = { cronExpressions: [schedule.cron], timezone: schedule.timeZone };
  const action: ScheduleOptionsStartWorkflowAction<typeof cohortFinderWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'cohortFinderWorkflow',
    // Temporal appends the scheduled time, so each run has its own id; nothing in it names a patient.
    workflowId: scheduleId,
    taskQueue,
    args: [{}],
  };
  return {
    spec,
    action,
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    // The settings as given: what the Web UI shows, and how the next start sees nothing changed.
    note: `Cohort finder: cron "${schedule.cron}" in ${schedule.timeZone} on task queue ${taskQueue} (COHORT_FINDER_CRON, COHORT_FINDER_TIME_ZONE).`,
  };
}

async function describeOrUndefined(
  describe: () => Promise<ScheduleDescription>,
): Promise<ScheduleDescription | undefined> {
  try {
    return await describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return undefined;
    throw error;
  }
}
