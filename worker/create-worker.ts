import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DEFAULT_WORKER_MAX_CACHED_WORKFLOWS, type TemporalConfig } from '../config/app-config';
import { createActivities, type ActivityDependencies } from '../activities';
import type { EngagementDependencies } from '../activities/engagement/deliver-message';
import type { Tracing } from '../shared/telemetry/tracing';
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
  keptEvents?: ActivityDependencies['keptEvents'];
  cohortTimeZone?: ActivityDependencies['cohortTimeZone'];
  /** Counts what the activities did (messages, staff tasks, deadline breaches) for `/metrics`. */
  metrics?: ActivityDependencies['metrics'];
  /**
   * Pre-built bundle for tests that start many workers; production bundles from source at start.
   * With `tracing`, it must be built with TRACING_WORKFLOW_INTERCEPTORS.
   */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Traces: the workflow's spans (through the exporter sink) and the activities' go to this processor. */
  tracing?: Pick<Tracing, 'spanProcessor' | 'resource'>;
}

/**
 * The workflow interceptors of traces (workflows/tracing-interceptors.ts), bundled into the
 * workflow code only when traces are on: without the exporter sink they would call a sink nobody
 * registered. Every recorded history replays with and without them (test/replay).
 */
export const TRACING_WORKFLOW_INTERCEPTORS = require.resolve('../workflows/tracing-interceptors');

/**
 * What every journey worker is, whatever workflows it runs: its server, queue, cache of workflows
 * and data converter. The benchmarks' anchor worker (bench/anchor) takes these too, so the anchor
 * differs from a journey only in its workflow code.
 */
export function journeyWorkerCoreOptions(
  options: Pick<JourneyWorkerOptions, 'connection' | 'temporal' | 'dataConverter'>,
): Pick<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'maxCachedWorkflows' | 'dataConverter'> {
  return {
    connection: options.connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    maxCachedWorkflows: options.temporal.workerMaxCachedWorkflows ?? DEFAULT_WORKER_MAX_CACHED_WORKFLOWS,
    dataConverter: options.dataConverter,
  };
}

export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const index = options.workflowBundle ? undefined : writeWorkflowIndex();
  try {
    return await Worker.create({
      ...journeyWorkerCoreOptions(options),
      ...(options.tracing
        ? {
            interceptors: {
              // A pre-built bundle already holds them (the SDK would warn that it ignores these).
              ...(index ? { workflowModules: [TRACING_WORKFLOW_INTERCEPTORS] } : {}),
              activity: [
                (ctx) => ({
                  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
                  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
                }),
              ],
            },
            sinks: {
              exporter: makeWorkflowExporter(options.tracing.spanProcessor, options.tracing.resource),
            },
          }
        : {}),
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
        ...(options.keptEvents ? { keptEvents: options.keptEvents } : {}),
        ...(options.cohortTimeZone ? { cohortTimeZone: options.cohortTimeZone } : {}),
        ...(options.metrics ? { metrics: options.metrics } : {}),
      }),
    });
  } finally {
    index?.remove();
  }
}
