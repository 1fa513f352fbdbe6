import type { WorkflowHandleWithFirstExecutionRunId, WorkflowStartOptions } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { OutreachMessage } from '../../activities/database/outreach-message.entity';
import { StaffTask } from '../../activities/database/staff-task.entity';
import { blueprintStages } from '../../workflows/blueprint';
import type { JourneyProgress, PinnedProgram } from '../../workflows/journey-contract';
import { findJourneyType, type JourneyType } from '../../workflows/journey-types';
import { createTestDatabase, type TestDatabase } from './test-database';
import { uniqueName } from './test-stack';
import { createTimeSkippingEnvironment } from './time-skipping';
import { journeyWorkflowBundle } from './workflow-bundle';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface StartOptions<Params> {
  params: Params;
  /** Overrides of the journey type's default settings (the result is validated like a publish). */
  settings?: Record<string, unknown>;
  settingsVersion?: number;
  patientRef?: string;
  patientId?: string;
  workflowId?: string;
}

export interface JourneyHarness {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  taskQueue: string;
  /** The current time on the time-skipping server. */
  now(): Promise<number>;
  start<Params>(
    journeyTypeId: string,
    options: StartOptions<Params>,
  ): Promise<WorkflowHandleWithFirstExecutionRunId>;
  messagesOf(journeyId: string): Promise<OutreachMessage[]>;
  tasksOf(journeyId: string): Promise<StaffTask[]>;
  close(): Promise<void>;
}

/**
 * A time-skipping Temporal server, a migrated PostgreSQL database and a worker with the real
 * activities: what a journey scenario test needs to run a whole journey in seconds.
 *
 * Known quirk of the Java time-skipping server: an update that lands in the same workflow task as
 * a firing timer can fail ("invalid history builder state for action") and stall time skipping for
 * the rest of the file. Send events at times no timer fires (e.g. off the hour of a cadence).
 */
export async function createJourneyHarness(name: string): Promise<JourneyHarness> {
  const [env, database] = await Promise.all([createTimeSkippingEnvironment(), createTestDatabase()]);
  const taskQueue = uniqueName(name);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await journeyWorkflowBundle(),
    activities: createActivities({ dataSource: database.dataSource }),
  });
  const running = worker.run();
  const now = async () => Number(await env.currentTimeMs());

  return {
    env,
    database,
    taskQueue,
    now,
    async start(journeyTypeId, options) {
      const type = requireType(journeyTypeId);
      // Parameters are checked against the server's clock ("not in the future"), which earlier
      // scenarios in the file may have moved weeks past the real one.
      const params = atTime(await now(), () => type.paramsSchema.parse(options.params));
      const program: PinnedProgram<unknown> = {
        version: options.settingsVersion ?? 0,
        settings: type.settingsSchema.parse(options.settings ?? {}),
      };
      const startOptions: WorkflowStartOptions = {
        workflowId: options.workflowId ?? uniqueName(type.id),
        taskQueue,
        args: [
          {
            patientRef: options.patientRef ?? 'ref-under-test',
            patientId: options.patientId ?? 'pat-under-test',
            params,
            program,
          },
        ],
      };
      return env.client.workflow.start(type.workflowType, startOptions);
    },
    messagesOf: (journeyId) =>
      database.dataSource
        .getRepository(OutreachMessage)
        .find({ where: { journeyId }, order: { createdAt: 'ASC' } }),
    tasksOf: (journeyId) =>
      database.dataSource
        .getRepository(StaffTask)
        .find({ where: { journeyId }, order: { createdAt: 'ASC' } }),
    async close() {
      worker.shutdown();
      await running;
      await Promise.all([env.teardown(), database.drop()]);
    },
  };
}

function atTime<T>(epochMs: number, work: () => T): T {
  const realNow = Date.now;
  Date.now = () => epochMs;
  try {
    return work();
  } finally {
    Date.now = realNow;
  }
}

function requireType(id: string): JourneyType {
  const type = findJourneyType(id);
  if (!type) throw new Error(`No journey type "${id}" in workflows/journey-types.ts`);
  return type;
}

/**
 * Every stage a journey reported (its current stage and each stage in its timeline) must be a
 * stage or end node of its blueprint, or the designer would draw patients nowhere.
 */
export function expectStagesInBlueprint(progress: JourneyProgress): void {
  const stages = new Set(blueprintStages(requireType(progress.journey).blueprint));
  const reported = [
    progress.stage,
    ...progress.timeline.filter((entry) => entry.kind === 'stage').map((entry) => entry.ref!),
  ];
  const unknown = reported.filter((stage) => !stages.has(stage));
  if (unknown.length > 0) {
    throw new Error(
      `Stages missing from the ${progress.journey} blueprint: ${[...new Set(unknown)].join(', ')}`,
    );
  }
}
