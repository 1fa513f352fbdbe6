import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Builds the designer as `npm start` serves it, into a folder of the test's own (never the
 * repository's designer/dist): browser tests then see the current source, built.
 */
export function buildDesignerForTest(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'carepath-designer-'));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(root, 'designer', 'vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return outDir;
}
