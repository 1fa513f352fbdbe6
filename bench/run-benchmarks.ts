import { DefaultLogger, Runtime } from '@temporalio/worker';
import { parseBenchOptions } from './bench-options';
import { startBenchStack } from './bench-stack';
import { measureDeadlineSort } from './deadline-sort';
import { measureDefinitionSimulator } from './definition-simulator';
import { measureEhrEventReaction } from './ehr-event-reaction';
import { measureEnrolmentThroughput } from './enrolment-throughput';
import { machineInfo, printReport, writeReport, type BenchReport } from './report';
import { measureTimeSkippedYear } from './time-skipped-year';
import { measureWaitingJourneys } from './waiting-journeys';

/*
 * Carepath against raw Temporal, on this machine, in one run (docs/benchmarks.md):
 *   1. enrolment throughput: POST /api/journeys vs the raw client starting the same workflow;
 *   2. EHR event reaction: POST /api/fhir until the journey shows it vs a raw update + query;
 *   3. a time-skipped year of prediabetes care: real seconds and history per continued run;
 *   4. journeys sleeping on timers at scale: enrolment time, worker memory, list and count latency;
 *   5. the definition simulator (the designer's preview): a 12-month definition with 50 events, no servers;
 *   6. the patients list sorted by next deadline across 1,000 oncology cards, against newest first.
 *
 *   npm run bench [-- --quick] [-- --enrolments 500 --concurrency 16 --events 1000 --only enrolment,events]
 */
async function main(): Promise<void> {
  const options = parseBenchOptions();
  // The year's worker runs in this process: its state changes are not benchmark output.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const began = performance.now();
  const log = (message: string) =>
    console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${message}`);
  // Pure and in this process: measured before the servers start, and without them when it is all that is asked.
  const simulator = options.only.includes('simulator') ? measureDefinitionSimulator() : undefined;
  if (options.only.every((name) => name === 'simulator')) {
    const report: BenchReport = {
      benchmark: 'carepath',
      at: new Date().toISOString(),
      options,
      machine: machineInfo(),
    };
    if (simulator) report.definitionSimulator = simulator;
    printReport(report);
    console.log(`\nreport: ${writeReport(report)}`);
    return;
  }
  log('starting PostgreSQL, the Temporal dev server, the API and a worker...');
  const stack = await startBenchStack(options);
  const report: BenchReport = {
    benchmark: 'carepath',
    at: new Date().toISOString(),
    options,
    machine: machineInfo(stack.server),
    ...(simulator ? { definitionSimulator: simulator } : {}),
  };
  try {
    if (options.only.includes('enrolment')) {
      log(`enrolment throughput: ${options.enrolments} journeys per side...`);
      report.enrolmentThroughput = await measureEnrolmentThroughput(stack, options);
    }
    if (options.only.includes('events')) {
      log(`EHR event reaction: ${options.events} events per side...`);
      report.ehrEventReaction = await measureEhrEventReaction(stack, options);
    }
    if (options.only.includes('year')) {
      log(`time-skipped prediabetes care: ${options.programMonths} months...`);
      report.timeSkippedYear = await measureTimeSkippedYear(stack.rolesByPid, options.programMonths);
    }
    if (options.only.includes('waiting')) {
      log(`waiting journeys: ${options.waitingJourneys} enrolled and left sleeping...`);
      report.waitingJourneys = await measureWaitingJourneys(
        stack,
        options.waitingJourneys,
        options.waitingAnchorJourneys,
        log,
      );
    }
    if (options.only.includes('deadline-sort')) {
      log(`deadline sort: ${options.deadlineJourneys} oncology cards with open deadlines...`);
      report.deadlineSort = await measureDeadlineSort(stack, options.deadlineJourneys, log);
    }
  } finally {
    log('stopping...');
    await stack.close();
  }
  printReport(report);
  console.log(`\nreport: ${writeReport(report)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
