import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { findJourneyType } from '../workflows/journey-types';
import { journeyStageKey, journeyTypeKey } from '../contracts/search-attributes';
import type { BenchStack } from './bench-stack';
import { summarize, type LatencySummary } from './percentiles';
import { runPool } from './promise-pool';
import { startJourneyRaw } from './raw-journey-start';
import { ANCHOR_JOURNEY, startAnchorJourney } from './anchor/anchor-start';

/** Enrolment the way a cohort is enrolled (the same Temporal start the API's starter makes), this many at once. */
const ENROL_CONCURRENCY = 32;
/** Reads timed per figure once every journey sleeps. */
const READS = 30;
/** The stats endpoint shares counts for 5 s: cold reads are spaced past that. */
const STATS_SPACING_MS = 5_200;
const COLD_STATS_READS = 3;

/** One cohort's enrolment and falling asleep, and the memory its worker process took on. */
export interface CohortAsleep {
  /** From the first start to the last start answered. */
  enrolSeconds: number;
  enrolledPerSecond: number;
  /** From the first start until every journey had run its first task and sleeps on its timer. */
  allSleepingSeconds: number;
  asleepPerSecond: number;
  /** The worker's process, resident set, before enrolling and with every journey sleeping. */
  workerRssMb: { before: number; after: number };
}

export interface WaitingJourneys {
  journeys: number;
  journey: string;
  /** From the first start to the last start answered. */
  enrolSeconds: number;
  enrolledPerSecond: number;
  /** From the first start until every journey had run its first task and sleeps on its timer. */
  allSleepingSeconds: number;
  /** The API + worker process, resident set, before enrolling and with every journey sleeping. */
  workerRssMb: { before: number; after: number };
  /** The worker's cache of journeys: WORKER_MAX_CACHED_WORKFLOWS, else Carepath's default. */
  workerCachedWorkflows: number;
  apiListMs: LatencySummary;
  apiListByStageMs: LatencySummary;
  apiStatsColdMs: LatencySummary;
  rawCountMs: LatencySummary;
  /** Anchor journeys (bench/anchor), on the anchor's worker, enrolled first: as many, unless the run sized them. */
  anchor: CohortAsleep & { journeys: number };
  /** Carepath's asleep rate (journeys per second) / the anchor's (issue 23: at least 0.9). */
  asleepRateToAnchorRatio: number;
  /**
   * Carepath's API + worker RSS growth / the anchor worker's (issue 23: within 1.5); null when the
   * cohorts differ in size, as growth is not proportional to it (the cache is capped).
   */
  rssGrowthToAnchorRatio: number | null;
}

/**
 * Many journeys sleeping on timers at once (appointment reminders a month ahead): what enrolling
 * them takes, what the worker holds for them, and how fast the API lists and counts them then.
 */
export async function measureWaitingJourneys(
  stack: BenchStack,
  journeys: number,
  anchorJourneys: number,
  log: (message: string) => void,
): Promise<WaitingJourneys> {
  const type = findJourneyType('appointment-reminder')!;
  const pidOf = (name: string) =>
    Number(Object.entries(stack.rolesByPid).find(([, role]) => role === name)![0]);
  const appointmentAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  const runId = Date.now().toString(36);

  // The anchor first: Carepath's journeys then meet the fuller server, which counts against them.
  log(`  the anchor: ${anchorJourneys} journeys`);
  const anchorTarget = { ...stack, taskQueue: stack.anchorTaskQueue };
  const anchor = await enrolUntilAsleep(stack.temporal, anchorJourneys, {
    workerPid: pidOf('anchorWorker'),
    journeyType: ANCHOR_JOURNEY,
    start: (index) => startAnchorJourney(anchorTarget, `anchor-${runId}-${index}`, { appointmentAt }),
    log,
  });
  log(`  Carepath: ${journeys} ${type.id} journeys`);
  const carepath = await enrolUntilAsleep(stack.temporal, journeys, {
    workerPid: stack.workerPid,
    journeyType: type.id,
    start: (index) => startJourneyRaw(stack, type, `scale-${runId}-${index}`, { appointmentAt }),
    log,
  });
  const sleeping = sleepingQuery(type.id);

  const api = (path: string) => timed(() => apiGet(stack.apiBaseUrl, path));
  const apiListMs = summarize(await repeat(READS, () => api('/api/journeys?journey=appointment-reminder')));
  const apiListByStageMs = summarize(
    await repeat(READS, () =>
      api('/api/journeys?journey=appointment-reminder&stage=scheduled&status=active'),
    ),
  );
  const rawCountMs = summarize(await repeat(READS, () => timed(() => count(stack.temporal, sleeping))));
  const cold: number[] = [];
  for (let read = 0; read < COLD_STATS_READS; read += 1) {
    if (read > 0) await new Promise((resolve) => setTimeout(resolve, STATS_SPACING_MS));
    cold.push(await api('/api/journey-types/appointment-reminder/stats'));
  }

  const growth = (cohort: CohortAsleep) => cohort.workerRssMb.after - cohort.workerRssMb.before;
  return {
    journeys,
    journey: type.id,
    enrolSeconds: carepath.enrolSeconds,
    enrolledPerSecond: carepath.enrolledPerSecond,
    allSleepingSeconds: carepath.allSleepingSeconds,
    workerRssMb: carepath.workerRssMb,
    workerCachedWorkflows: stack.workerMaxCachedWorkflows,
    apiListMs,
    apiListByStageMs,
    apiStatsColdMs: summarize(cold),
    rawCountMs,
    anchor: { ...anchor, journeys: anchorJourneys },
    asleepRateToAnchorRatio:
      Math.round(
        (journeys / carepath.allSleepingSeconds / (anchorJourneys / anchor.allSleepingSeconds)) * 1000,
      ) / 1000,
    rssGrowthToAnchorRatio:
      anchorJourneys === journeys
        ? Math.round((growth(carepath) / Math.max(1, growth(anchor))) * 1000) / 1000
        : null,
  };
}

function sleepingQuery(journeyType: string): string {
  return `${journeyTypeKey.name} = '${journeyType}' AND ${journeyStageKey.name} = 'scheduled' AND ExecutionStatus = 'Running'`;
}

/**
 * Starts `journeys` journeys ENROL_CONCURRENCY at a time and waits until visibility shows every
 * one asleep (stage `scheduled`, which each says on its first workflow task).
 */
async function enrolUntilAsleep(
  temporal: Client,
  journeys: number,
  cohort: {
    workerPid: number;
    journeyType: string;
    start: (index: number) => Promise<unknown>;
    log: (message: string) => void;
  },
): Promise<CohortAsleep> {
  const sleeping = sleepingQuery(cohort.journeyType);
  // Journeys of the type asleep already (figure 1's, say) are not this cohort's.
  const { count: asleepBefore } = await temporal.workflow.count(sleeping);
  const before = residentMb(cohort.workerPid);
  const began = performance.now();
  let started = 0;
  await runPool(journeys, ENROL_CONCURRENCY, async (index) => {
    await cohort.start(index);
    started += 1;
    if (started % 1000 === 0) cohort.log(`  ${started} enrolled`);
  });
  const enrolSeconds = (performance.now() - began) / 1000;
  for (;;) {
    const { count } = await temporal.workflow.count(sleeping);
    if (count >= asleepBefore + journeys) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const allSleepingSeconds = (performance.now() - began) / 1000;
  cohort.log(`  all ${journeys} sleeping after ${allSleepingSeconds.toFixed(1)} s`);
  return {
    enrolSeconds: round1(enrolSeconds),
    enrolledPerSecond: round1(journeys / enrolSeconds),
    allSleepingSeconds: round1(allSleepingSeconds),
    asleepPerSecond: round1(journeys / allSleepingSeconds),
    workerRssMb: { before, after: residentMb(cohort.workerPid) },
  };
}

async function apiGet(baseUrl: string, path: string): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: 'Bearer dev-operator-key' },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  await response.arrayBuffer();
}

async function count(temporal: Client, query: string): Promise<void> {
  await temporal.workflow.count(query);
}

async function timed(call: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

async function repeat(times: number, measure: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let index = 0; index < times; index += 1) values.push(await measure());
  return values;
}

/** VmRSS of a process, from Linux's /proc (the bench runs where the stack runs). */
function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Math.round(Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) / 1024);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
