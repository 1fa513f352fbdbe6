import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import type { JourneyModule } from '../workflows/journey-module';
import { journeyModules } from '../workflows/journeys';

/*
 * The workflow index Temporal's bundler loads, written from the journey module list: it exports
 * each journey's workflow by its workflow type, plus the system workflows of workflows/index.ts.
 * Each export requires its journey's workflow module only when a workflow of that journey starts:
 * the worker evaluates the bundle's modules anew for every workflow it creates, and building every
 * journey's zod contracts for each new journey took a third of the CPU of its first workflow task
 * (docs/benchmarks.md). Webpack still bundles every module; the deferred `require` only defers
 * running it. Workflow code is the same either way, so replays are unaffected.
 */

/** Where the code runs from (the project, or dist/ once compiled): module folders are relative to it. */
const CODE_ROOT = path.resolve(__dirname, '..');

export interface WorkflowIndex {
  workflowsPath: string;
  /** The index is written outside the project: its imports resolve from the project's packages. */
  webpackConfigHook: NonNullable<BundleOptions['webpackConfigHook']>;
  /** Deletes the written index once the bundle is built. */
  remove(): void;
}

export function writeWorkflowIndex(modules: readonly JourneyModule[] = journeyModules): WorkflowIndex {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'carepath-workflows-'));
  const workflowsPath = path.join(folder, 'index.js');
  fs.writeFileSync(workflowsPath, workflowIndexSource(modules));
  const packages = path.resolve(
    path.dirname(require.resolve('@temporalio/workflow/package.json')),
    '..',
    '..',
  );
  return {
    workflowsPath,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, modules: [...(config.resolve?.modules ?? []), packages] },
    }),
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/** The index's source: one deferred export per journey module, after the system workflows. */
export function workflowIndexSource(modules: readonly JourneyModule[]): string {
  const system = JSON.stringify(path.join(CODE_ROOT, 'workflows', 'index'));
  const journeys = modules.map((journey) => {
    const file = JSON.stringify(path.join(CODE_ROOT, journey.folder, `${journey.id}.workflow`));
    const type = journey.workflowType;
    return `  ${JSON.stringify(type)}: (input) => require(${file})[${JSON.stringify(type)}](input),`;
  });
  return [
    '// Written by worker/workflow-index.ts from the journey module list (workflows/journeys.ts).',
    'module.exports = {',
    `  ...require(${system}),`,
    ...journeys,
    '};',
    '',
  ].join('\n');
}
