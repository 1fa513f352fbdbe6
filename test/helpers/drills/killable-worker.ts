import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  DRILL_WORKER_SETTINGS_ENV,
  WORKER_READY_LINE,
  type DrillWorkerSettings,
} from './drill-worker-settings';
import { hasExited, spawnTsChild, stopChildProcess } from './ts-child-process';

const WORKER_ENTRY = join(__dirname, 'worker-process.ts');
const READY_TIMEOUT_MS = 90_000;

/** A journey worker in its own OS process (worker-process.ts) that a drill can SIGKILL and start again. */
export class KillableWorker {
  private child: ChildProcess | undefined;
  private output: string[] = [];
  private stopped = false;
  /** How many times the process was really ended by SIGKILL (its exit signal, not our intent). */
  killed = 0;
  /** Exits nobody asked for: a worker that gave up by itself. */
  readonly unexpectedExits: string[] = [];

  constructor(private readonly settings: DrillWorkerSettings) {}

  async start(): Promise<void> {
    if (this.stopped) throw new Error('the drill worker was stopped for good');
    const started = spawnTsChild(
      WORKER_ENTRY,
      { [DRILL_WORKER_SETTINGS_ENV]: JSON.stringify(this.settings) },
      WORKER_READY_LINE,
      READY_TIMEOUT_MS,
    );
    const child = started.process;
    this.child = child;
    this.output = started.output;
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM') {
        this.unexpectedExits.push(`exit ${code ?? signal}: ${started.output.slice(-5).join(' | ')}`);
      }
    });
    await started.ready;
  }

  /** SIGKILL: no graceful shutdown, running activities and workflow tasks die with the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) {
      throw new Error(`the drill worker was not running when it was to be killed: ${this.output.join('\n')}`);
    }
    const exited = new Promise<NodeJS.Signals | null>((resolveExit) =>
      child.once('exit', (_code, signal) => resolveExit(signal)),
    );
    child.kill('SIGKILL');
    if ((await exited) === 'SIGKILL') this.killed += 1;
  }

  get running(): boolean {
    return !hasExited(this.child);
  }

  /** Ends the worker for good: a fault loop still running after a failed test cannot revive it. */
  async stop(): Promise<void> {
    this.stopped = true;
    await stopChildProcess(this.child);
  }
}
