import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reuseOrBuild } from './build-cache/build-cache';

const root = join(__dirname, '..', '..');
const buildScript = join(__dirname, 'build-designer-recording-inputs.mjs');
const viteConfig = join(root, 'designer', 'vite.config.mts');

/**
 * The designer as `npm start` serves it, built from the current source into a folder outside the
 * repository's designer/dist, and reused while every file Vite read is unchanged (its modules in
 * designer/, contracts/, shared/, workflows/ and node_modules). Browser tests only read the folder.
 */
export function designerBuildForTest(): Promise<string> {
  return reuseOrBuild({
    name: 'designer',
    // Builds of another checkout are not reused here: their inputs are that checkout's files.
    settings: JSON.stringify({ root }),
    settingsFiles: [
      viteConfig,
      buildScript,
      // This file: the build's options.
      __filename,
      join(root, 'designer', 'tsconfig.json'),
      join(root, 'tsconfig.json'),
      join(root, 'package-lock.json'),
      // What npm installed (node_modules may be shared with another checkout): loaders, plugins, tools.
      join(root, 'node_modules', '.package-lock.json'),
    ],
    build: async (outDir) => {
      const listFile = `${outDir}.read-files.json`;
      await promisify(execFile)(process.execPath, [buildScript, viteConfig, outDir, listFile], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      });
      return JSON.parse(readFileSync(listFile, 'utf8')) as string[];
    },
  });
}
