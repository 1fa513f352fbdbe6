import { summarize, round, type LatencySummary } from './percentiles';
import { runPool } from './promise-pool';
import { addUsage, coresUsed, withCpuUsage, type CpuUsage } from './process-cpu';

/** What one side of a comparison did in one round. */
export interface RoundOutcome {
  succeeded: number;
  failed: number;
  latenciesMs: number[];
  /** The first failure's message: a benchmark that fails quietly measures nothing. */
  firstFailure?: string;
}

export type Side = (amount: number) => Promise<RoundOutcome>;

/** A side's figures over all its rounds. */
export interface SideFigures {
  succeeded: number;
  failed: number;
  seconds: number;
  perSecond: number;
  latencyMs: LatencySummary;
  firstFailure?: string;
  /** Average cores each process kept busy while this side ran (see process-cpu.ts). */
  coresUsed: Record<string, number>;
  /**
   * When each of this side's rounds began and ended, in seconds on the driver's clock
   * (`performance.now()`): with BenchStack.apiForkedAtS, the window of a CPU profile to read.
   */
  roundsAtS: Array<[number, number]>;
}

/**
 * Runs every side `total` times, in `rounds` slices taken in turn, the order rotating each round:
 * the sides then share the server's growing state (open workflows, history, caches) and any
 * background load, instead of one side always running on a fresher server.
 */
export async function runAlternatingRounds<Name extends string>(
  sides: Record<Name, Side>,
  total: number,
  rounds: number,
  rolesByPid: Record<number, string>,
): Promise<Record<Name, SideFigures>> {
  const names = Object.keys(sides) as Name[];
  const totals = new Map<
    Name,
    { outcomes: RoundOutcome[]; usage: CpuUsage | undefined; windows: Array<[number, number]> }
  >(names.map((name) => [name, { outcomes: [], usage: undefined, windows: [] }]));
  for (let index = 0; index < rounds; index++) {
    const amount = Math.floor(total / rounds) + (index < total % rounds ? 1 : 0);
    const order = names.map((_, position) => names[(position + index) % names.length]!);
    for (const name of order) {
      const began = performance.now();
      const { result, usage } = await withCpuUsage(rolesByPid, () => sides[name](amount));
      const entry = totals.get(name)!;
      entry.windows.push([round(began / 1000, 1), round(performance.now() / 1000, 1)]);
      entry.outcomes.push(result);
      entry.usage = addUsage(entry.usage, usage);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const entry = totals.get(name)!;
      return [name, { ...figuresOf(entry.outcomes, entry.usage!), roundsAtS: entry.windows }];
    }),
  ) as Record<Name, SideFigures>;
}

function figuresOf(outcomes: RoundOutcome[], usage: CpuUsage): Omit<SideFigures, 'roundsAtS'> {
  const succeeded = outcomes.reduce((sum, outcome) => sum + outcome.succeeded, 0);
  const firstFailure = outcomes.find((outcome) => outcome.firstFailure)?.firstFailure;
  return {
    succeeded,
    failed: outcomes.reduce((sum, outcome) => sum + outcome.failed, 0),
    seconds: round(usage.wallSeconds, 3),
    perSecond: round(succeeded / usage.wallSeconds, 1),
    latencyMs: summarize(outcomes.flatMap((outcome) => outcome.latenciesMs)),
    ...(firstFailure ? { firstFailure } : {}),
    coresUsed: coresUsed(usage),
  };
}

/** Runs `amount` timed tasks, `concurrency` at a time; a task that throws counts as failed. */
export async function timedPool(
  amount: number,
  concurrency: number,
  task: () => Promise<void>,
): Promise<RoundOutcome> {
  const outcome: RoundOutcome = { succeeded: 0, failed: 0, latenciesMs: [] };
  await runPool(amount, concurrency, async () => {
    const began = performance.now();
    try {
      await task();
      outcome.succeeded++;
    } catch (error) {
      outcome.failed++;
      outcome.firstFailure ??= error instanceof Error ? error.message : String(error);
    }
    outcome.latenciesMs.push(performance.now() - began);
  });
  return outcome;
}
