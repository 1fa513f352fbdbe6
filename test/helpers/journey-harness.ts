import type { WorkflowHandleWithFirstExecutionRunId, WorkflowStartOptions } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { patientTimeZoneReader } from '../../shared/journeys/patient-time-zone';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../config/app-config';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { blueprintStages } from '../../contracts/blueprint';
import type { JourneyProgress, KeptEvents, PinnedProgram } from '../../contracts/journey-contract';
import { findJourneyType, type JourneyType } from '../../workflows/journey-types';
import {
  sandboxEngagement,
  seedContact,
  startProviderSandbox,
  type ProviderSandbox,
  type SandboxChannels,
} from './engagement-sandbox';
import { createTestDatabase, type TestDatabase } from './test-database';
import { uniqueName } from './test-stack';
import { createTimeSkippingEnvironment } from './time-skipping';
import { journeyWorkflowBundle } from './workflow-bundle';
import { testDataConverter } from './test-payload-encryption';

// Short names the journey tests use everywhere.
export { DAY_MS as DAY, HOUR_MS as HOUR } from '../../contracts/durations';

export interface StartOptions<Params> {
  params: Params;
  /** Overrides of the journey type's default settings (the result is validated like a publish). */
  settings?: Record<string, unknown>;
  settingsVersion?: number;
  patientRef?: string;
  patientId?: string;
  workflowId?: string;
  /** Events kept for the patient from before the journey (HZ-35): it holds its first step for them. */
  keptEvents?: KeptEvents;
}

export interface HarnessOptions {
  /** The engagement policy (`ENGAGEMENT_POLICY` fields); default: no quiet hours, a high cap. */
  policy?: Record<string, unknown>;
  /** Where the SMS endpoint posts inbound messages (an API a test runs against this server). */
  inboundWebhookUrl?: string;
  /** The EHR the worker reads and writes (e.g. a FHIR sandbox's client); none by default. */
  fhir?: FhirClient;
  /** The channels the worker may turn on and their settings; default: the product's, on the sandbox. */
  channels?: SandboxChannels;
  /** Wraps the real activities, e.g. to hold one until a test has changed the journey meanwhile. */
  wrapActivities?: (activities: Activities) => Activities;
  /** The workflows the worker runs; default: the product's (`bundleRegisteredJourneys` adds a registered fixture's). */
  workflowBundle?: Promise<WorkflowBundleWithSourceMap>;
}

type Activities = ReturnType<typeof createActivities>;

/** The pseudonym key of harness workers: tests derive the same journey ids and patient refs with it. */
export const HARNESS_PSEUDONYM_KEY = 'harness-pseudonym-key';

export interface JourneyHarness {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  /** The SMTP capture and SMS endpoint the worker's channels deliver to. */
  providers: ProviderSandbox;
  taskQueue: string;
  /** The current time on the time-skipping server. */
  now(): Promise<number>;
  start<Params>(
    journeyTypeId: string,
    options: StartOptions<Params>,
  ): Promise<WorkflowHandleWithFirstExecutionRunId>;
  /** Seeds or replaces a patient's contact profile and consents (see `seedContact`). */
  seedContact(
    ...args: Parameters<typeof seedContact> extends [unknown, ...infer Rest] ? Rest : never
  ): Promise<void>;
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
export async function createJourneyHarness(
  name: string,
  options: HarnessOptions = {},
): Promise<JourneyHarness> {
  const [env, database, providers] = await Promise.all([
    createTimeSkippingEnvironment(),
    createTestDatabase(),
    startProviderSandbox(options.inboundWebhookUrl ? { inboundWebhookUrl: options.inboundWebhookUrl } : {}),
  ]);
  const taskQueue = uniqueName(name);
  const engagement = sandboxEngagement(
    database.dataSource,
    providers,
    options.policy,
    undefined,
    options.channels,
  );
  const contacts = new PatientContactStore(database.dataSource);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    dataConverter: testDataConverter,
    workflowBundle: await (options.workflowBundle ?? journeyWorkflowBundle()),
    activities: (options.wrapActivities ?? ((real: Activities) => real))(
      createActivities({
        dataSource: database.dataSource,
        engagement,
        ...(options.fhir ? { ehr: { fhir: options.fhir, pseudonymKey: HARNESS_PSEUDONYM_KEY } } : {}),
        journeyStarter: new JourneyStarter(env.client, new ProgramSettingsStore(database.dataSource), {
          taskQueue,
          pseudonymKey: HARNESS_PSEUDONYM_KEY,
          organisationTimeZone: DEFAULT_ORGANISATION_TIME_ZONE,
          patientTimeZone: patientTimeZoneReader({
            fhir: options.fhir,
            contacts,
            pseudonymKey: HARNESS_PSEUDONYM_KEY,
          }),
        }),
      }),
    ),
  });
  const running = worker.run();
  const now = async () => Number(await env.currentTimeMs());

  return {
    env,
    database,
    providers,
    taskQueue,
    now,
    async start(journeyTypeId, options) {
      const type = requireType(journeyTypeId);
      const patientRef = options.patientRef ?? 'ref-under-test';
      // Patients of scenario tests can be reached on every channel unless a test seeded otherwise.
      if (!(await contacts.find(patientRef))) {
        await seedContact(database.dataSource, patientRef);
      }
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
            patientRef,
            patientId: options.patientId ?? 'pat-under-test',
            params,
            program,
            ...(options.keptEvents ? { keptEvents: options.keptEvents } : {}),
          },
        ],
      };
      return env.client.workflow.start(type.workflowType, startOptions);
    },
    seedContact: (...args) => seedContact(database.dataSource, ...args),
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
      engagement.close();
      await Promise.all([env.teardown(), database.drop(), providers.close()]);
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
/** The journey step a logged message belongs to, without the journey id (e.g. `outreach:step-2`). */
export function stepOf(message: OutreachMessage): string | undefined {
  return message.stepKey?.slice(message.journeyId.length + 1);
}

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
