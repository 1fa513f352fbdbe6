import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { SideFigures } from './alternating-rounds';
import type { BenchOptions } from './bench-options';
import type { BenchStack } from './bench-stack';
import type { DeadlineSort } from './deadline-sort';
import type { DefinitionSimulation } from './definition-simulator';
import type { EhrEventReaction } from './ehr-event-reaction';
import type { EnrolmentThroughput } from './enrolment-throughput';
import type { TimeSkippedYear } from './time-skipped-year';
import type { WaitingJourneys } from './waiting-journeys';

export interface BenchReport {
  benchmark: 'carepath';
  at: string;
  options: BenchOptions;
  machine: ReturnType<typeof machineInfo>;
  enrolmentThroughput?: EnrolmentThroughput;
  ehrEventReaction?: EhrEventReaction;
  timeSkippedYear?: TimeSkippedYear;
  waitingJourneys?: WaitingJourneys;
  deadlineSort?: DeadlineSort;
  definitionSimulator?: DefinitionSimulation;
}

/** Without a server when only in-process benchmarks ran. */
export function machineInfo(server?: BenchStack['server']) {
  return {
    os: `${type()} ${release()} ${arch()}`,
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    temporal: server,
  };
}

/** bench/reports/bench-<timestamp>.json at the repository root (gitignored). */
export function writeReport(report: BenchReport): string {
  const dir = join(__dirname, '..', '..', 'bench', 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function printReport(report: BenchReport): void {
  const { machine } = report;
  console.log(
    `\nCarepath benchmarks${report.options.quick ? ' (quick)' : ''}: ${machine.cores} cores (${machine.cpu}), ` +
      `${machine.memoryGb} GiB, ${machine.os}, Node ${machine.node}`,
  );
  if (machine.temporal) {
    console.log(
      `Temporal: ${machine.temporal.devServer} ${machine.temporal.cliVersion ?? ''} ` +
        `(server ${machine.temporal.serverVersion ?? 'unknown'}); ${machine.temporal.timeSkippingServer}`,
    );
  }
  if (report.enrolmentThroughput) printEnrolment(report.enrolmentThroughput);
  if (report.ehrEventReaction) printEhrEvents(report.ehrEventReaction);
  if (report.timeSkippedYear) printYear(report.timeSkippedYear);
  if (report.waitingJourneys) printWaiting(report.waitingJourneys);
  if (report.definitionSimulator) printSimulator(report.definitionSimulator);
  if (report.deadlineSort) printDeadlineSort(report.deadlineSort);
}

function printDeadlineSort(result: DeadlineSort): void {
  console.log(
    `\n6. Patients list by next deadline: ${result.journeys} ${result.journey} cards with open deadlines ` +
      `(all dated after ${result.allDatedSeconds} s), 50 per page`,
  );
  console.table(
    rowsOf(
      {
        'newest first, page 1': result.apiNewestFirstMs,
        'by next deadline, page 1': result.apiByNextDeadlineMs,
        'by next deadline, page 5': result.apiByNextDeadlinePage5Ms,
        'raw visibility page of 50': result.rawVisibilityPageMs,
        'raw: all dated cards read and sorted': result.rawSortedPageMs,
      },
      (latency) => ({ 'p50 ms': latency.p50, 'p95 ms': latency.p95, 'max ms': latency.max, n: latency.n }),
    ),
  );
}

function printSimulator(result: DefinitionSimulation): void {
  console.log(
    `\n5. Definition simulator: ${result.months} months, ${result.scriptedEvents} scripted events, ` +
      `${result.inputsPerRun} reducer inputs, ${result.messagesPerRun} messages, ${result.tasksPerRun} tasks, ` +
      `ended ${result.outcome}`,
  );
  console.table([
    {
      'first run ms': result.firstRunMs,
      'p50 ms': result.runMs.p50,
      'p95 ms': result.runMs.p95,
      'max ms': result.runMs.max,
      runs: result.runs,
    },
  ]);
}

function printWaiting(result: WaitingJourneys): void {
  console.log(`\n4. Waiting journeys: ${result.journeys} ${result.journey} journeys sleeping on timers`);
  console.log(
    `enrolled in ${result.enrolSeconds} s (${result.enrolledPerSecond}/s), all sleeping after ` +
      `${result.allSleepingSeconds} s; API + worker RSS ${result.workerRssMb.before} -> ${result.workerRssMb.after} MB ` +
      `(workflow cache: ${result.workerCachedWorkflows})`,
  );
  const anchor = result.anchor;
  console.log(
    `anchor, ${anchor.journeys} journeys (same worker options and data converter): enrolled in ${anchor.enrolSeconds} s, all sleeping after ` +
      `${anchor.allSleepingSeconds} s; anchor worker RSS ${anchor.workerRssMb.before} -> ${anchor.workerRssMb.after} MB`,
  );
  console.table({
    'Carepath appointment-reminder': waitingColumns(result),
    'anchor journey': waitingColumns(anchor),
  });
  console.log(
    `Carepath / anchor: asleep rate ${result.asleepRateToAnchorRatio} (target >= 0.9), ` +
      (result.rssGrowthToAnchorRatio === null
        ? 'worker RSS growth not compared (the cohorts differ in size)'
        : `worker RSS growth ${result.rssGrowthToAnchorRatio} (target <= 1.5)`),
  );
  console.table(
    rowsOf(
      {
        'API list, first page': result.apiListMs,
        'API list by stage and status': result.apiListByStageMs,
        'API stats (cold, all counts)': result.apiStatsColdMs,
        'raw visibility count': result.rawCountMs,
      },
      (latency) => ({ 'p50 ms': latency.p50, 'p95 ms': latency.p95, 'max ms': latency.max, n: latency.n }),
    ),
  );
}

function waitingColumns(
  cohort: Pick<WaitingJourneys, 'enrolSeconds' | 'allSleepingSeconds' | 'workerRssMb'>,
) {
  return {
    'enrolled s': cohort.enrolSeconds,
    'all asleep s': cohort.allSleepingSeconds,
    'RSS before MB': cohort.workerRssMb.before,
    'RSS after MB': cohort.workerRssMb.after,
    'RSS growth MB': cohort.workerRssMb.after - cohort.workerRssMb.before,
  };
}

function printEnrolment(result: EnrolmentThroughput): void {
  console.log(
    `\n1. Enrolment throughput: ${result.journey}, ${result.perSide} per side, ` +
      `${result.concurrency} in flight, ${result.rounds} alternating rounds; ${result.processes}`,
  );
  const sides = {
    'API POST /api/journeys': result.api,
    'API POST, Prefer: respond-async': result.apiRespondAsync,
    'raw client start': result.rawClient,
    'raw start+describe+query': result.rawClientStartAndRead,
    'anchor start+query (asleep)': result.anchorStartToAsleep,
  };
  console.table(rowsOf(sides, (side) => ({ 'journeys/s': side.perSecond, ...latencyColumns(side) })));
  console.log(`API / raw client start: ${result.apiToRawRatio} (journeys per second)`);
  console.log(`API respond-async / raw client start: ${result.apiRespondAsyncToRawRatio} (target >= 0.9)`);
  console.log(`API waiting path / anchor start-to-asleep: ${result.apiToAnchorRatio} (target >= 0.9)`);
  const intoApiProcess = (side: SideFigures) =>
    side.roundsAtS
      .map(
        ([from, to]) => `${(from - result.apiForkedAtS).toFixed(1)}-${(to - result.apiForkedAtS).toFixed(1)}`,
      )
      .join(', ');
  console.log(
    `rounds, seconds after the API process started (CPU profile windows): respond-async ${intoApiProcess(result.apiRespondAsync)}; ` +
      `waiting ${intoApiProcess(result.api)}`,
  );
  const steps = result.rawClientStartAndReadStepsMs;
  console.log(
    `raw start+describe+query, p50 (p95) ms per step: start ${steps.start.p50} (${steps.start.p95}), ` +
      `describe ${steps.describe.p50} (${steps.describe.p95}), first query ${steps.firstQuery.p50} (${steps.firstQuery.p95})`,
  );
  console.log("first workflow task of each side's journeys, from their histories (ms):");
  console.table(
    rowsOf(result.firstWorkflowTask, (times) => ({
      'queued p50': times.queuedMs.p50,
      'queued p95': times.queuedMs.p95,
      'run p50': times.runMs.p50,
      'run p95': times.runMs.p95,
      sampled: times.sampled,
    })),
  );
  printCores(sides);
}

function printEhrEvents(result: EhrEventReaction): void {
  console.log(
    `\n2. EHR event reaction: ${result.perSide} events per side over ${result.journeys} ${result.journey} ` +
      `journeys, ${result.concurrency} in flight, ${result.rounds} alternating rounds`,
  );
  const sides = {
    'API /api/fhir -> GET journey': result.api,
    'raw update -> query': result.rawClient,
  };
  console.table(rowsOf(sides, (side) => ({ ...latencyColumns(side), 'mean ms': side.latencyMs.mean })));
  const ratio = result.apiToRawLatencyRatio;
  console.log(
    `API / raw client latency: p50 ${ratio.p50}, p95 ${ratio.p95}, p99 ${ratio.p99}; ` +
      `reads before the effect showed beyond the first: API ${result.extraReads.api}, raw ${result.extraReads.rawClient}`,
  );
  const steps = result.stepsMs;
  console.log(
    `per step, p50 (p95) ms: POST /api/fhir ${steps.apiPost.p50} (${steps.apiPost.p95}), ` +
      `GET journey ${steps.apiRead.p50} (${steps.apiRead.p95}); ` +
      `update ${steps.rawUpdate.p50} (${steps.rawUpdate.p95}), query ${steps.rawQuery.p50} (${steps.rawQuery.p95})`,
  );
  printCores(sides);
}

function printYear(result: TimeSkippedYear): void {
  console.log(
    `\n3. Time-skipped ${result.programMonths === 12 ? 'year' : `${result.programMonths} months`}: ` +
      `${result.journey}, ${result.weeks} weeks, ${result.eventsSent} updates, ` +
      `ended ${result.outcome.status} / ${result.outcome.stage}`,
  );
  console.table([
    {
      'real s': result.realSeconds,
      'setup s': result.setupSeconds,
      'simulated days': result.simulatedDays,
      runs: result.runs,
      'max events/run': result.maxEventsPerRun,
      'max KiB/run': Math.round(result.maxBytesPerRun / 1024),
      'total events': result.totalEvents,
    },
  ]);
  console.log(`events per run: ${result.perRun.map((run) => run.events).join(', ')}`);
  console.log(`KiB per run: ${result.perRun.map((run) => Math.round(run.bytes / 1024)).join(', ')}`);
  console.log(
    `carried input KiB per run: ${result.perRun.map((run) => Math.round(run.inputBytes / 1024)).join(', ')}`,
  );
  const { before, after } = result.anchor;
  console.log(
    `year anchor (same script, least workflow), before / after: ${before.realSeconds} / ${after.realSeconds} s, ` +
      `${before.events} events; Carepath / anchor ${result.ratioToAnchor}`,
  );
  console.log(`timers cancelled per run: ${result.perRun.map((run) => run.timersCancelled).join(', ')}`);
  const { deliveries } = result;
  console.log(
    `deliverMessage: ${deliveries.n} calls, p50 / p95 / max ${deliveries.p50} / ${deliveries.p95} / ` +
      `${deliveries.max} ms, ${deliveries.totalSeconds} s in all`,
  );
  console.log(`cores busy: ${formatCores(result.coresUsed)}`);
}

function rowsOf<T>(sides: Record<string, T>, columns: (side: T) => Record<string, number>) {
  return Object.fromEntries(Object.entries(sides).map(([name, side]) => [name, columns(side)]));
}

function latencyColumns(side: SideFigures): Record<string, number> {
  return {
    'p50 ms': side.latencyMs.p50,
    'p95 ms': side.latencyMs.p95,
    'p99 ms': side.latencyMs.p99,
    n: side.succeeded,
    failed: side.failed,
  };
}

/** Which process was busy: 1.00 is one core for the whole time that side ran. */
function printCores(sides: Record<string, SideFigures>): void {
  console.log('cores busy while each side ran (1.00 = one core):');
  console.table(rowsOf(sides, (side) => side.coresUsed));
  for (const [name, side] of Object.entries(sides)) {
    if (side.firstFailure) console.log(`${name}: first failure: ${side.firstFailure}`);
  }
}

function formatCores(cores: Record<string, number>): string {
  return Object.entries(cores)
    .map(([role, value]) => `${role} ${value}`)
    .join(', ');
}
