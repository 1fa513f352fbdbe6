import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../../shared/payload-encryption/journey-data-converter';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundling the workflows takes seconds; a test file that starts several workers pays once. */
export function journeyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
    logger: quietLogger,
  });
  return bundle;
}

/**
 * The worker's workflows plus workflow modules the product does not ship (a fixture journey's
 * `<journey>.workflow.ts`, by absolute path): an index generated beside them exports them all.
 */
export function workflowBundleWith(
  extraWorkflowModules: readonly string[],
): Promise<WorkflowBundleWithSourceMap> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'carepath-workflows-'));
  const workflowsPath = path.join(folder, 'index.js');
  const modules = [require.resolve('../../workflows'), ...extraWorkflowModules];
  fs.writeFileSync(
    workflowsPath,
    modules.map((module) => `export * from ${JSON.stringify(module)};\n`).join(''),
  );
  const projectModules = path.resolve(__dirname, '..', '..', 'node_modules');
  return bundleWorkflowCode({
    workflowsPath,
    failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
    logger: quietLogger,
    // The generated index lives outside the project: its imports resolve from the project's packages.
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, modules: [...(config.resolve?.modules ?? []), projectModules] },
    }),
  }).finally(() => fs.rmSync(folder, { recursive: true, force: true }));
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
