import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each file a build read, by its path from the repository root, with a hash of its content (null
 * for a module id that names no file on disk: it stays unchanged while it stays absent).
 */
export type BuildInputs = Record<string, string | null>;

export function hashBuildInputs(root: string, files: readonly string[]): BuildInputs {
  const inputs: BuildInputs = {};
  for (const file of files) inputs[relative(root, file)] = hashFile(file);
  return inputs;
}

/** True while every recorded file still has the content it had when the build read it. */
export function buildInputsUnchanged(root: string, inputs: BuildInputs): boolean {
  return Object.entries(inputs).every(([path, hash]) => hashFile(join(root, path)) === hash);
}

/** True when a file was written after `sinceMs`: a build that overlapped the edit may hold either version. */
export function anyModifiedSince(files: readonly string[], sinceMs: number): boolean {
  return files.some((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= sinceMs);
}

function hashFile(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
