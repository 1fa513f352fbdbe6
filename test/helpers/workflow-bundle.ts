import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../../shared/payload-encryption/journey-data-converter';
import { TRACING_WORKFLOW_INTERCEPTORS } from '../../worker/create-worker';
import { writeWorkflowIndex } from '../../worker/workflow-index';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
let tracedBundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundling the workflows takes seconds; a test file that starts several workers pays once. */
export function journeyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleRegisteredJourneys();
  return bundle;
}

/** The same workflows with the OpenTelemetry workflow interceptors, for a worker with `tracing`. */
export function tracedJourneyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  tracedBundle ??= bundleRegisteredJourneys({ traced: true });
  return tracedBundle;
}

/**
 * The workflows of every journey registered now, as the worker bundles them: a test that
 * registers a journey of its own (`registerJourney`) bundles it with this, uncached.
 */
export function bundleRegisteredJourneys({ traced = false } = {}): Promise<WorkflowBundleWithSourceMap> {
  const index = writeWorkflowIndex();
  return bundleWorkflowCode({
    workflowsPath: index.workflowsPath,
    ...(traced ? { workflowInterceptorModules: [TRACING_WORKFLOW_INTERCEPTORS] } : {}),
    webpackConfigHook: index.webpackConfigHook,
    failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
    logger: quietLogger,
  }).finally(index.remove);
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
