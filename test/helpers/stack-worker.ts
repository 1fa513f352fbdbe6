import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import type { ActivityDependencies } from '../../activities';
import { createJourneyWorker } from '../../worker/create-worker';
import { cohortEnrolment } from '../../worker/cohort-enrolment';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import type { Tracing } from '../../shared/telemetry/tracing';
import { sandboxEngagement, type ProviderSandbox } from './engagement-sandbox';
import { testDataConverter } from './test-payload-encryption';
import { journeyWorkflowBundle, tracedJourneyWorkflowBundle } from './workflow-bundle';

/*
 * A test stack's journey worker: the engagement layer on the provider sandbox, the journeys'
 * bundle, the test data converter. startApiStack runs it beside the API; the benchmarks run it in
 * a process of its own (bench/worker-process.ts), as production runs worker/main.ts apart from
 * the API.
 */

export interface StackWorkerOptions {
  config: AppConfig;
  dataSource: DataSource;
  providers: ProviderSandbox;
  policy?: Record<string, unknown> | undefined;
  tracing?: Tracing | undefined;
  ehr?: ActivityDependencies['ehr'];
  /**
   * The cohort finder enrols as worker/main.ts composes it (its journey starter and the EHR
   * inbox's kept events); needs `ehr`.
   */
  cohortFinder?: boolean;
}

export interface StackWorker {
  /** What the worker's activities counted (the worker process serves it on its `/metrics`). */
  metrics: CarepathMetrics;
  close(): Promise<void>;
}

export async function startStackWorker(options: StackWorkerOptions): Promise<StackWorker> {
  const { config } = options;
  const engagement = sandboxEngagement(
    options.dataSource,
    options.providers,
    options.policy,
    config.publicBaseUrl,
  );
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const metrics = new CarepathMetrics();
  const starterConnection =
    options.cohortFinder && options.ehr
      ? await Connection.connect({ address: config.temporal.address })
      : undefined;
  const enrolment = starterConnection
    ? cohortEnrolment({
        dataSource: options.dataSource,
        temporal: new Client({
          connection: starterConnection,
          namespace: config.temporal.namespace,
          dataConverter: testDataConverter,
        }),
        fhir: options.ehr!.fhir,
        config,
        metrics,
      })
    : undefined;
  let worker: Worker;
  try {
    worker = await createJourneyWorker({
      connection,
      temporal: config.temporal,
      dataSource: options.dataSource,
      dataConverter: testDataConverter,
      engagement,
      workflowBundle: await (options.tracing ? tracedJourneyWorkflowBundle() : journeyWorkflowBundle()),
      metrics,
      ...(options.tracing ? { tracing: options.tracing } : {}),
      ...(options.ehr ? { ehr: options.ehr } : {}),
      ...enrolment,
    });
  } catch (error) {
    engagement.close();
    await connection.close();
    await starterConnection?.close();
    throw error;
  }
  const running = worker.run();
  return {
    metrics,
    async close() {
      worker.shutdown();
      await running;
      engagement.close();
      await connection.close();
      await starterConnection?.close();
    },
  };
}
