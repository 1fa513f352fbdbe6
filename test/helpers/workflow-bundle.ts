import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../../shared/payload-encryption/journey-data-converter';
import { TRACING_WORKFLOW_INTERCEPTORS } from '../../worker/create-worker';
import { workflowIndexSource, writeWorkflowIndex } from '../../worker/workflow-index';
import { journeyModules } from '../../workflows/journeys';
import { reuseOrBuild } from './build-cache/build-cache';
import { quietBundlerLogger } from './quiet-bundler-logger';

const root = join(__dirname, '..', '..');

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
let tracedBundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * Bundling the workflows takes seconds of CPU (webpack); most integration test files start a worker,
 * so the bundle is kept on disk and reused while every file webpack read is unchanged: a run bundles
 * once, not once per file.
 */
export function journeyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= keptJourneyBundle({ traced: false });
  return bundle;
}

/** The same workflows with the OpenTelemetry workflow interceptors, for a worker with `tracing`. */
export function tracedJourneyWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  tracedBundle ??= keptJourneyBundle({ traced: true });
  return tracedBundle;
}

/**
 * The workflows of every journey registered now, as the worker bundles them: a test that
 * registers a journey of its own (`registerJourney`) bundles it with this, uncached. `readFiles`
 * collects every file webpack read (but the generated index, which the caller knows by its source).
 */
export function bundleRegisteredJourneys({
  traced = false,
  readFiles,
}: { traced?: boolean; readFiles?: Set<string> } = {}): Promise<WorkflowBundleWithSourceMap> {
  const index = writeWorkflowIndex();
  const indexFolder = dirname(index.workflowsPath);
  return bundleWorkflowCode({
    workflowsPath: index.workflowsPath,
    ...(traced ? { workflowInterceptorModules: [TRACING_WORKFLOW_INTERCEPTORS] } : {}),
    webpackConfigHook: (config) => {
      const withIndex = index.webpackConfigHook(config);
      if (!readFiles) return withIndex;
      const recordReadFiles = {
        apply: (compiler: {
          hooks: { afterCompile: { tap(name: string, hook: (compilation: ReadFiles) => void): void } };
        }) =>
          compiler.hooks.afterCompile.tap('carepath-record-read-files', (compilation) => {
            for (const file of [...compilation.fileDependencies, ...compilation.missingDependencies]) {
              if (!file.startsWith(indexFolder)) readFiles.add(file);
            }
          }),
      };
      return { ...withIndex, plugins: [...(withIndex.plugins ?? []), recordReadFiles] };
    },
    failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
    logger: quietBundlerLogger,
  }).finally(index.remove);
}

/** What webpack read: files, and paths it looked for and did not find (a file added there changes the bundle). */
interface ReadFiles {
  fileDependencies: Iterable<string>;
  missingDependencies: Iterable<string>;
}

async function keptJourneyBundle({ traced }: { traced: boolean }): Promise<WorkflowBundleWithSourceMap> {
  const folder = await reuseOrBuild({
    name: 'workflow-bundle',
    // The index is generated from the journey list; the bundle names modules by path from the cwd.
    settings: JSON.stringify({
      root,
      cwd: process.cwd(),
      traced,
      index: workflowIndexSource(journeyModules),
    }),
    settingsFiles: [
      // This file: the bundler's options and the recording plugin.
      __filename,
      join(root, 'package-lock.json'),
      // What npm installed (node_modules may be shared with another checkout): loaders, plugins, tools.
      join(root, 'node_modules', '.package-lock.json'),
      // The bundler's own options (loaders, plugins) come with the SDK version.
      require.resolve('@temporalio/worker/package.json'),
    ],
    build: async (outDir) => {
      const readFiles = new Set<string>();
      const built = await bundleRegisteredJourneys({ traced, readFiles });
      mkdirSync(outDir);
      writeFileSync(join(outDir, 'code.js'), built.code);
      writeFileSync(join(outDir, 'source-map'), built.sourceMap);
      return [...readFiles];
    },
  });
  return {
    code: readFileSync(join(folder, 'code.js'), 'utf8'),
    sourceMap: readFileSync(join(folder, 'source-map'), 'utf8'),
  };
}
