import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DEFAULT_WORKER_MAX_CACHED_WORKFLOWS, type TemporalConfig } from '../config/app-config';
import { createActivities, type ActivityDependencies } from '../activities';
import type { EngagementDependencies } from '../activities/engagement/deliver-message';
import { writeWorkflowIndex } from './workflow-index';

export function connectWorkerToTemporal(config: TemporalConfig): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.address, tls: config.tls, apiKey: config.apiKey });
}

export interface JourneyWorkerOptions {
  connection: NativeConnection;
  temporal: Pick<TemporalConfig, 'namespace' | 'taskQueue'> &
    Partial<Pick<TemporalConfig, 'workerMaxCachedWorkflows'>>;
  dataSource: DataSource;
  /** The encrypting converter (journeyDataConverter): must match the clients' or payloads cannot be read. */
  dataConverter: DataConverter;
  engagement: EngagementDependencies;
  ehr?: ActivityDependencies['ehr'];
  journeyStarter?: ActivityDependencies['journeyStarter'];
  cohortTimeZone?: ActivityDependencies['cohortTimeZone'];
  /** Counts what the activities did (messages, staff tasks, deadline breaches) for `/metrics`. */
  metrics?: ActivityDependencies['metrics'];
  /** Pre-built bundle for tests that start many workers; production bundles from source at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const index = options.workflowBundle ? undefined : writeWorkflowIndex();
  try {
    return await Worker.create({
      connection: options.connection,
      namespace: options.temporal.namespace,
      taskQueue: options.temporal.taskQueue,
      maxCachedWorkflows: options.temporal.workerMaxCachedWorkflows ?? DEFAULT_WORKER_MAX_CACHED_WORKFLOWS,
      dataConverter: options.dataConverter,
      ...(index
        ? {
            workflowsPath: index.workflowsPath,
            bundlerOptions: { webpackConfigHook: index.webpackConfigHook },
          }
        : { workflowBundle: options.workflowBundle }),
      activities: createActivities({
        dataSource: options.dataSource,
        engagement: options.engagement,
        ...(options.ehr ? { ehr: options.ehr } : {}),
        ...(options.journeyStarter ? { journeyStarter: options.journeyStarter } : {}),
        ...(options.cohortTimeZone ? { cohortTimeZone: options.cohortTimeZone } : {}),
        ...(options.metrics ? { metrics: options.metrics } : {}),
      }),
    });
  } finally {
    index?.remove();
  }
}
