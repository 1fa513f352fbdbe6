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
import {
  buildInputsUnchanged,
  hashBuildInputs,
  modifiedSince,
  withoutFolders,
  type BuildInputs,
} from './build-inputs';
import { acquireExclusiveLock } from './exclusive-lock';

export interface CachedBuild {
  /** Names the cache folder: `designer`, `workflow-bundle`. */
  name: string;
  /** What shapes the output besides the files the build reads: options, generated source, the checkout. */
  settings: string;
  /** Files that shape the output without being read as its sources: configs, lockfile, tool versions. */
  settingsFiles: readonly string[];
  /** Writes the output into `folder` and answers every file it read. */
  build(folder: string): Promise<readonly string[]>;
  /** Where the kept builds live; the OS temp folder's `carepath-build-cache` unless given. */
  cacheRoot?: string;
}

/**
 * Builds kept outside the work tree (never committed), shared by test files and runs. Not under
 * ~/.cache: the API sends the designer's index.html for a deep link by absolute path, and `send`
 * answers 404 for any path with a dot-named folder in it.
 */
const defaultCacheRoot = join(tmpdir(), 'carepath-build-cache');
const unusedBuildsExpireMs = 3 * 24 * 60 * 60 * 1000;
const abandonedStagingExpiresMs = 60 * 60 * 1000;

/**
 * The folder of a build made from the current source: one kept from before while every file it
 * read, and its settings, are unchanged, else a new one. So a jest run builds once however many
 * test files (in however many workers) ask, and a later run without changes not at all. Callers
 * must not write into the folder: other test files read it.
 */
export async function reuseOrBuild(spec: CachedBuild): Promise<string> {
  const cacheDir = join(spec.cacheRoot ?? defaultCacheRoot, spec.name);
  mkdirSync(cacheDir, { recursive: true });
  // A build kept before a settings file was added never read it: the list is part of the settings.
  const settings = JSON.stringify({ settings: spec.settings, settingsFiles: spec.settingsFiles });
  const reused = findCurrentBuild(cacheDir, settings);
  if (reused) return reused;
  // One build at a time: a second jest worker waits for the first's build rather than repeating it.
  const release = await acquireExclusiveLock(join(cacheDir, '.lock'), 5 * 60_000);
  try {
    return findCurrentBuild(cacheDir, settings) ?? (await buildAndKeep(cacheDir, settings, spec));
  } finally {
    release();
  }
}

interface KeptInputs {
  settings: string;
  files: BuildInputs;
}

function findCurrentBuild(cacheDir: string, settings: string): string | undefined {
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith('.')) continue;
    const folder = join(cacheDir, entry);
    const kept = readKeptInputs(folder);
    if (kept?.settings === settings && buildInputsUnchanged(kept.files)) {
      const now = new Date();
      utimesSync(folder, now, now);
      return join(folder, 'output');
    }
  }
  return undefined;
}

async function buildAndKeep(cacheDir: string, settings: string, spec: CachedBuild): Promise<string> {
  removeExpiredBuilds(cacheDir);
  for (let attempt = 1; ; attempt += 1) {
    // Built beside the kept builds, then renamed in whole: a reader never sees half a build.
    const staging = mkdtempSync(join(cacheDir, '.building-'));
    const startedAt = Date.now();
    let files: string[];
    try {
      files = withoutFolders([...(await spec.build(join(staging, 'output'))), ...spec.settingsFiles]);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    const edited = modifiedSince(files, startedAt - 1000);
    if (edited.length > 0) {
      // A file was saved while the build read it: the output may match neither version.
      rmSync(staging, { recursive: true, force: true });
      if (attempt < 3) continue;
      throw new Error(
        `The ${spec.name} build's inputs kept changing while it ran: ${edited.slice(0, 5).join(', ')}`,
      );
    }
    const kept: KeptInputs = { settings, files: hashBuildInputs(files) };
    const serialized = JSON.stringify(kept);
    writeFileSync(join(staging, 'inputs.json'), serialized);
    const folder = join(cacheDir, createHash('sha256').update(serialized).digest('hex').slice(0, 16));
    try {
      renameSync(staging, folder);
    } catch (error) {
      // The same inputs were built meanwhile by a process that did not see the lock; keep that one.
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
    return join(folder, 'output');
  }
}

function readKeptInputs(folder: string): KeptInputs | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'inputs.json'), 'utf8')) as KeptInputs;
  } catch {
    return undefined;
  }
}

/** Builds unused for days, and staging folders a killed build left behind. */
function removeExpiredBuilds(cacheDir: string): void {
  const now = Date.now();
  for (const entry of readdirSync(cacheDir)) {
    if (entry === '.lock') continue;
    const folder = join(cacheDir, entry);
    const age = now - (statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? now);
    if (age > (entry.startsWith('.building-') ? abandonedStagingExpiresMs : unusedBuildsExpireMs)) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
