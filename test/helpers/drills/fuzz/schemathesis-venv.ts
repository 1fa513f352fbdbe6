import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Pinned: a new release may add checks or change its report, and CI must judge the API alike every run. */
export const SCHEMATHESIS_VERSION = '4.32.5';

const venvDir = join(homedir(), '.cache', 'carepath', 'schemathesis-venv');
export const SCHEMATHESIS_CLI = join(venvDir, 'bin', 'st');

/**
 * Schemathesis in its own virtual environment under ~/.cache/carepath, created on first use
 * (CI starts from a fresh machine) and reused after: nothing is installed when the pinned
 * version answers already. Returns the path of its `st` command.
 */
export async function ensureSchemathesis(): Promise<string> {
  if (existsSync(SCHEMATHESIS_CLI)) {
    const { output } = await run(SCHEMATHESIS_CLI, ['--version']);
    if (output.includes(SCHEMATHESIS_VERSION)) return SCHEMATHESIS_CLI;
  }
  for (const [command, args] of [
    ['python3', ['-m', 'venv', venvDir]],
    [
      join(venvDir, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    ],
  ] as const) {
    const { code, output } = await run(command, [...args]);
    if (code !== 0)
      throw new Error(`Installing schemathesis failed (${command} ${args.join(' ')}):\n${output}`);
  }
  return SCHEMATHESIS_CLI;
}

/**
 * Runs a command without blocking the event loop: the API under test lives in this very process
 * and must keep answering while the command talks to it.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
