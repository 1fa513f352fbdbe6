import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * Each file a build read, by absolute path, with a hash of its content (null for a path that names
 * no file: it stays unchanged while it stays absent).
 */
export type BuildInputs = Record<string, string | null>;

export function hashBuildInputs(files: readonly string[]): BuildInputs {
  const inputs: BuildInputs = {};
  for (const file of files) inputs[file] = hashFile(file);
  return inputs;
}

/** True while every recorded file still has the content it had when the build read it. */
export function buildInputsUnchanged(inputs: BuildInputs): boolean {
  return Object.entries(inputs).every(([file, hash]) => hashFile(file) === hash);
}

/**
 * Bundlers also list the folders they searched while resolving modules; what matters there is
 * which files exist, and those are listed (absent ones too), so folders are left out.
 */
export function withoutFolders(paths: Iterable<string>): string[] {
  return [...paths].filter((path) => !statSync(path, { throwIfNoEntry: false })?.isDirectory());
}

/** The files written after `sinceMs`: a build that overlapped such an edit may hold either version. */
export function modifiedSince(files: readonly string[], sinceMs: number): string[] {
  return files.filter((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= sinceMs);
}

function hashFile(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
