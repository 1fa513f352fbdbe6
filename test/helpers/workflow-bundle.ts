import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../../shared/payload-encryption/journey-data-converter';
import { writeWorkflowIndex } from '../../worker/workflow-index';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundling the workflows takes seconds; a test file that starts several workers pays once. */
export function journeyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleRegisteredJourneys();
  return bundle;
}

/**
 * The workflows of every journey registered now, as the worker bundles them: a test that
 * registers a journey of its own (`registerJourney`) bundles it with this, uncached.
 */
export function bundleRegisteredJourneys(): Promise<WorkflowBundleWithSourceMap> {
  const index = writeWorkflowIndex();
  return bundleWorkflowCode({
    workflowsPath: index.workflowsPath,
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
