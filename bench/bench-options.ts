import { parseArgs } from 'node:util';

export const BENCHMARKS = ['enrolment', 'events', 'year', 'waiting', 'deadline-sort', 'simulator'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  quick: boolean;
  only: BenchmarkName[];
  /** Journeys each side starts (API and raw client), over all rounds. */
  enrolments: number;
  /** Requests (API) and starts (raw client) in flight at once. */
  concurrency: number;
  /** Rounds the sides alternate in, so both see the same server state (history, cache, load). */
  rounds: number;
  /** EHR events each side sends (FHIR bundles through the API, updates through the raw client). */
  events: number;
  /** Prediabetes journeys the events are spread over; each takes one event at a time. */
  eventJourneys: number;
  /** Journeys receiving an event at the same moment. */
  eventConcurrency: number;
  /** Length of the time-skipped prediabetes program: 12 is the year; quick runs a quarter. */
  programMonths: number;
  /** Journeys enrolled and left sleeping on their timers, for the scale figures. */
  waitingJourneys: number;
  /**
   * Anchor journeys enrolled beside them (default: as many). A capacity run (100,000 on Temporal
   * with PostgreSQL) may size the anchor smaller: the asleep rate is then compared per second and
   * the RSS growth ratio, which depends on the cohort's size, is not given.
   */
  waitingAnchorJourneys: number;
  /** Oncology cards with open deadlines the patients list sorts by next deadline. */
  deadlineJourneys: number;
  /** Where the API and worker processes write V8 CPU profiles (`--cpu-profile <dir>`), to see where their time goes. */
  cpuProfileDir: string | undefined;
  /**
   * Where the API and worker processes write V8's `--trace-gc` lines (`--trace-gc <dir>`:
   * api-gc.log, worker-gc.log), to see whether a latency tail is a collector's pause.
   */
  gcTraceDir: string | undefined;
  /**
   * The worker in the API's process (`--shared-worker`), as the tests run it, instead of a process
   * of its own as in production: the shape of the figures before 2026-12-07 evening.
   */
  sharedWorker: boolean;
}

const QUICK: Omit<
  BenchOptions,
  'quick' | 'only' | 'cpuProfileDir' | 'gcTraceDir' | 'waitingAnchorJourneys' | 'sharedWorker'
> = {
  enrolments: 40,
  concurrency: 4,
  rounds: 2,
  events: 50,
  eventJourneys: 5,
  eventConcurrency: 1,
  programMonths: 3,
  waitingJourneys: 500,
  deadlineJourneys: 200,
};

const FULL: typeof QUICK = {
  enrolments: 500,
  concurrency: 16,
  rounds: 4,
  events: 1000,
  eventJourneys: 50,
  eventConcurrency: 1,
  programMonths: 12,
  waitingJourneys: 10_000,
  deadlineJourneys: 1_000,
};

/** Sizes from flags (`--events 1000`), else `BENCH_*` variables, else the quick or default sizes. */
export function parseBenchOptions(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      enrolments: { type: 'string' },
      concurrency: { type: 'string' },
      rounds: { type: 'string' },
      events: { type: 'string' },
      'event-journeys': { type: 'string' },
      'event-concurrency': { type: 'string' },
      'program-months': { type: 'string' },
      'waiting-journeys': { type: 'string' },
      'waiting-anchor-journeys': { type: 'string' },
      'deadline-journeys': { type: 'string' },
      'cpu-profile': { type: 'string' },
      'trace-gc': { type: 'string' },
      'shared-worker': { type: 'boolean' },
    },
  });
  const quick = values.quick ?? env.BENCH_QUICK === '1';
  const base = quick ? QUICK : FULL;
  const count = (flag: string | undefined, variable: string, fallback: number, name: string) => {
    const text = flag ?? env[variable];
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer: ${text}`);
    return value;
  };
  const options: BenchOptions = {
    quick,
    cpuProfileDir: values['cpu-profile'] ?? env.BENCH_CPU_PROFILE,
    gcTraceDir: values['trace-gc'] ?? env.BENCH_TRACE_GC,
    sharedWorker: values['shared-worker'] ?? env.BENCH_SHARED_WORKER === '1',
    only: parseOnly(values.only ?? env.BENCH_ONLY),
    enrolments: count(values.enrolments, 'BENCH_ENROLMENTS', base.enrolments, '--enrolments'),
    concurrency: count(values.concurrency, 'BENCH_CONCURRENCY', base.concurrency, '--concurrency'),
    rounds: count(values.rounds, 'BENCH_ROUNDS', base.rounds, '--rounds'),
    events: count(values.events, 'BENCH_EVENTS', base.events, '--events'),
    eventJourneys: count(
      values['event-journeys'],
      'BENCH_EVENT_JOURNEYS',
      base.eventJourneys,
      '--event-journeys',
    ),
    eventConcurrency: count(
      values['event-concurrency'],
      'BENCH_EVENT_CONCURRENCY',
      base.eventConcurrency,
      '--event-concurrency',
    ),
    programMonths: count(
      values['program-months'],
      'BENCH_PROGRAM_MONTHS',
      base.programMonths,
      '--program-months',
    ),
    waitingJourneys: count(
      values['waiting-journeys'],
      'BENCH_WAITING_JOURNEYS',
      base.waitingJourneys,
      '--waiting-journeys',
    ),
    waitingAnchorJourneys: 0,
    deadlineJourneys: count(
      values['deadline-journeys'],
      'BENCH_DEADLINE_JOURNEYS',
      base.deadlineJourneys,
      '--deadline-journeys',
    ),
  };
  options.waitingAnchorJourneys = count(
    values['waiting-anchor-journeys'],
    'BENCH_WAITING_ANCHOR_JOURNEYS',
    options.waitingJourneys,
    '--waiting-anchor-journeys',
  );
  if (options.programMonths < 3 || options.programMonths > 24) {
    throw new Error('--program-months must be between 3 and 24, as the program settings allow.');
  }
  if (options.eventConcurrency > options.eventJourneys) {
    throw new Error(
      '--event-concurrency cannot exceed --event-journeys: a journey takes one event at a time.',
    );
  }
  return options;
}

function parseOnly(text: string | undefined): BenchmarkName[] {
  if (!text) return [...BENCHMARKS];
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`--only takes ${BENCHMARKS.join(', ')}; not: ${unknown.join(', ')}`);
  return names as BenchmarkName[];
}
