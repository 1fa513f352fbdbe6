import { createJourneyHarness } from '../test/helpers/journey-harness';
import { historiesOfRuns, type RunHistory } from '../test/helpers/run-histories';
import type { JourneyProgress } from '../contracts/journey-contract';
import { JOURNEY, logReading, sendEvent } from '../workflows/prediabetes-care/prediabetes-care.test-support';
import { round, summarize, type LatencySummary } from './percentiles';
import { withCpuUsage, coresUsed } from './process-cpu';
import { DAY_MS } from '../contracts/durations';
import { measureYearAnchor, type YearAnchorRun } from './year-anchor';

/*
 * A year of prediabetes care on the time-skipping test server, end to end, as the year scenario
 * test runs it (prediabetes-care.year.workflow.test.ts): enrolment, 52 weeks of three readings and
 * an attended session each, the annual A1C. Real seconds it takes, and what continue-as-new does
 * to history: every run's length and encoded size, found by following the continued-as-new chain.
 * The year anchor runs the same client script just before and just after (year-anchor.ts): the
 * floor the figure is read against, measured on both sides of it as the machine's load moves.
 */

const CORE_SESSIONS_IN_A_YEAR = 16;
/** Three readings and an attended session a week (`simulateProgram`). */
const EVENTS_PER_WEEK = 4;

export interface TimeSkippedYear {
  journey: string;
  programMonths: number;
  weeks: number;
  /** Workflow updates sent (readings and sessions attended). */
  eventsSent: number;
  /** Starting the time-skipping server, a database and a worker: paid once per test file. */
  setupSeconds: number;
  /** Enrolment to the program's result, with time skipped. */
  realSeconds: number;
  simulatedDays: number;
  outcome: { status: string; stage: string };
  runs: number;
  maxEventsPerRun: number;
  maxBytesPerRun: number;
  totalEvents: number;
  totalBytes: number;
  perRun: RunHistory[];
  coresUsed: Record<string, number>;
  /** The same client script against the year anchor, just before and just after Carepath's year. */
  anchor: { before: YearAnchorRun; after: YearAnchorRun };
  /** Carepath's real seconds over the mean of the anchor's two. */
  ratioToAnchor: number;
  /**
   * Each `deliverMessage` the year ran, in ms from its call to its answer: the activity the journey
   * waits on before it goes on (its queueing and the server's round trips are not in it).
   */
  deliveries: LatencySummary & { totalSeconds: number };
}

export async function measureTimeSkippedYear(
  rolesByPid: Record<number, string>,
  programMonths: number,
): Promise<TimeSkippedYear> {
  const program = programOf(programMonths);
  const anchorBefore = await measureYearAnchor(program.weeks, EVENTS_PER_WEEK);
  const setupBegan = performance.now();
  const deliveryMs: number[] = [];
  const harness = await createJourneyHarness('bench-year', {
    wrapActivities: (real) => ({ ...real, deliverMessage: timed(real.deliverMessage, deliveryMs) }),
  });
  const setupSeconds = (performance.now() - setupBegan) / 1000;
  try {
    const { result, usage } = await withCpuUsage(rolesByPid, async () => {
      const began = performance.now();
      const year = await simulateProgram(harness, program);
      return { ...year, realSeconds: (performance.now() - began) / 1000 };
    });
    const { final, handle, realSeconds } = result;
    const anchorAfter = await measureYearAnchor(program.weeks, EVENTS_PER_WEEK);
    const anchorSeconds = (anchorBefore.realSeconds + anchorAfter.realSeconds) / 2;
    const perRun = await historiesOfRuns(harness.env.client, handle.workflowId, handle.firstExecutionRunId);
    const endedAt = Date.parse(final.timeline.at(-1)?.at ?? final.startedAt);
    return {
      journey: JOURNEY,
      programMonths,
      weeks: program.weeks,
      eventsSent: program.weeks * EVENTS_PER_WEEK + 1,
      setupSeconds: round(setupSeconds, 2),
      realSeconds: round(realSeconds, 2),
      simulatedDays: round((endedAt - Date.parse(final.startedAt)) / DAY_MS, 1),
      outcome: { status: final.status, stage: final.stage },
      runs: perRun.length,
      maxEventsPerRun: Math.max(...perRun.map((run) => run.events)),
      maxBytesPerRun: Math.max(...perRun.map((run) => run.bytes)),
      totalEvents: perRun.reduce((sum, run) => sum + run.events, 0),
      totalBytes: perRun.reduce((sum, run) => sum + run.bytes, 0),
      perRun,
      coresUsed: coresUsed(usage),
      anchor: { before: anchorBefore, after: anchorAfter },
      ratioToAnchor: round(realSeconds / anchorSeconds, 2),
      deliveries: {
        totalSeconds: round(deliveryMs.reduce((sum, ms) => sum + ms, 0) / 1000, 2),
        ...summarize(deliveryMs),
      },
    };
  } finally {
    await harness.close();
  }
}

type Harness = Awaited<ReturnType<typeof createJourneyHarness>>;

/** The activity, recording how long each call took to answer. */
function timed<Args extends unknown[], Result>(
  activity: (...args: Args) => Promise<Result>,
  durationsMs: number[],
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    const began = performance.now();
    try {
      return await activity(...args);
    } finally {
      durationsMs.push(performance.now() - began);
    }
  };
}

interface Program {
  weeks: number;
  settings: Record<string, unknown>;
}

/** The year as the scenario test runs it; a shorter program keeps its core sessions in proportion. */
function programOf(months: number): Program {
  if (months === 12) return { weeks: 52, settings: {} };
  return {
    weeks: Math.round((months * 52) / 12),
    settings: {
      programMonths: months,
      coreSessions: Math.max(1, Math.round((CORE_SESSIONS_IN_A_YEAR * months) / 12)),
    },
  };
}

async function simulateProgram(harness: Harness, program: Program) {
  const handle = await harness.start(JOURNEY, {
    params: { entry: { kind: 'hba1c', value: 6.1 }, baselineWeightKg: 100, timeZone: 'America/New_York' },
    settings: program.settings,
  });
  const weeks = program.weeks;
  // Off the hour of every timer: the time-skipping server mishandles an update that lands in the
  // same workflow task as a firing timer (see journey-harness.ts).
  await harness.env.sleep('30 hours');
  for (let week = 0; week < weeks; week++) {
    await logReading(handle, 'weight-kg', Math.round((100 - (4.5 * (week + 1)) / weeks) * 10) / 10);
    await logReading(handle, 'fasting-glucose-mg-dl', Math.max(98, 112 - week * 1.5));
    await logReading(handle, 'activity-minutes', 160);
    await sendEvent(handle, { type: 'session-attended' });
    await harness.env.sleep('7 days');
  }
  await logReading(handle, 'hba1c-percent', 5.8);
  const final: JourneyProgress = await handle.result();
  return { final, handle };
}
