import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  anyModifiedSince,
  buildInputsUnchanged,
  hashBuildInputs,
  type BuildInputs,
} from './designer-build/build-inputs';
import { acquireExclusiveLock } from './designer-build/exclusive-lock';

const root = join(__dirname, '..', '..');
const buildScript = join(__dirname, 'designer-build', 'build-recording-inputs.mjs');
const viteConfig = join(root, 'designer', 'vite.config.mts');
/** What shapes a build without being one of its modules: options, compiler settings, tool versions. */
const settingsInputs = [
  viteConfig,
  buildScript,
  join(root, 'designer', 'tsconfig.json'),
  join(root, 'tsconfig.json'),
  join(root, 'package-lock.json'),
];

/**
 * Builds kept outside the work tree (never committed), shared by test files, runs and work trees.
 * Not under ~/.cache: the API sends index.html for a deep link by absolute path, and `send` answers
 * 404 for any path with a dot-named folder in it.
 */
const cacheDir = join(tmpdir(), 'carepath-designer-builds');
const unusedBuildsExpireMs = 3 * 24 * 60 * 60 * 1000;
const abandonedBuildExpiresMs = 60 * 60 * 1000;

/**
 * The designer as `npm start` serves it, built from the current source, in a folder outside the
 * repository's designer/dist. A build is reused while every file it read is unchanged (its
 * modules in designer/, contracts/, shared/, workflows/ and node_modules, and its settings), so a
 * run builds once however many browser test files ask, and a later run without designer changes
 * not at all. Test files must not write into the folder: others are served from it.
 */
export async function designerBuildForTest(): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const reused = findCurrentBuild();
  if (reused) return reused;
  // One build at a time: a second jest worker waits for the first's build rather than repeating it.
  const release = await acquireExclusiveLock(join(cacheDir, '.lock'), 5 * 60_000);
  try {
    return findCurrentBuild() ?? (await buildAndKeep());
  } finally {
    release();
  }
}

function findCurrentBuild(): string | undefined {
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith('.')) continue;
    const folder = join(cacheDir, entry);
    const inputs = readInputs(folder);
    if (inputs && buildInputsUnchanged(root, inputs)) {
      const now = new Date();
      utimesSync(folder, now, now);
      return join(folder, 'dist');
    }
  }
  return undefined;
}

async function buildAndKeep(): Promise<string> {
  removeExpiredBuilds();
  for (;;) {
    // Built beside the kept builds, then renamed in whole: a reader never sees half a build.
    const staging = mkdtempSync(join(cacheDir, '.building-'));
    const listFile = join(staging, 'read-files.json');
    const startedAt = Date.now();
    try {
      await promisify(execFile)(
        process.execPath,
        [buildScript, viteConfig, join(staging, 'dist'), listFile],
        {
          cwd: root,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    const files = [...(JSON.parse(readFileSync(listFile, 'utf8')) as string[]), ...settingsInputs];
    rmSync(listFile);
    if (anyModifiedSince(files, startedAt - 1000)) {
      // A file was saved while the build read it: the output may match neither version.
      rmSync(staging, { recursive: true, force: true });
      continue;
    }
    const inputs = hashBuildInputs(root, files);
    const serialized = JSON.stringify(inputs);
    writeFileSync(join(staging, 'inputs.json'), serialized);
    const kept = join(cacheDir, hashText(serialized));
    try {
      renameSync(staging, kept);
    } catch (error) {
      // The same inputs were built meanwhile by a process that did not see the lock; keep that one.
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
    return join(kept, 'dist');
  }
}

function readInputs(folder: string): BuildInputs | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'inputs.json'), 'utf8')) as BuildInputs;
  } catch {
    return undefined;
  }
}

/** Builds unused for days, and staging folders a killed build left behind. */
function removeExpiredBuilds(): void {
  const now = Date.now();
  for (const entry of readdirSync(cacheDir)) {
    if (entry === '.lock') continue;
    const folder = join(cacheDir, entry);
    const age = now - (statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? now);
    if (age > (entry.startsWith('.building-') ? abandonedBuildExpiresMs : unusedBuildsExpireMs)) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
