import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { journeyWorkflowId } from '../shared/journeys/patient-ref';
import { progressQuery } from '../contracts/journey-contract';
import { findJourneyType } from '../workflows/journey-types';
import { runAlternatingRounds, timedPool, type RoundOutcome, type SideFigures } from './alternating-rounds';
import type { BenchStack } from './bench-stack';
import { firstWorkflowTaskTimes, type FirstWorkflowTaskTimes } from './first-workflow-task';
import { round, summarize, type LatencySummary } from './percentiles';
import { startJourneyRaw } from './raw-journey-start';
import { anchorProgressQuery } from './anchor/anchor.workflow';
import { ANCHOR_JOURNEY, startAnchorJourney } from './anchor/anchor-start';

/*
 * Enrolment throughput: journeys started per second through POST /api/journeys (autocannon, one
 * unique patient per request: a patient has one running journey of a type) against the raw
 * Temporal client starting the same workflow with the same concurrency, on the same server and
 * worker in the same run. A third side, raw start + describe + progress query, is the Temporal
 * work the API's answer contains, so the gap splits into Temporal round trips and API overhead.
 * A fourth side posts with `Prefer: respond-async` (the bulk-enrolment fast path): the API then
 * answers once the start is accepted, which should come close to the raw client's rate.
 * A fifth side is the anchor (bench/anchor): its start, then its progress query, which the worker
 * can only answer once the first workflow task has run: the floor of the API's waiting path.
 */

/** Its first timer is weeks away: a start costs the start and one workflow task, nothing else. */
const JOURNEY = 'appointment-reminder';
const OPERATOR_KEY = 'Bearer dev-operator-key';

type ReadStep = 'start' | 'describe' | 'firstQuery';
type EnrolmentSide =
  'api' | 'apiRespondAsync' | 'rawClient' | 'rawClientStartAndRead' | 'anchorStartToAsleep';

export interface EnrolmentThroughput {
  journey: string;
  /** The API and its worker apart (as in production) or in one process: the ratios depend on it. */
  processes: string;
  /** When the API process started, on the driver's clock: each side's roundsAtS minus this is its profile window. */
  apiForkedAtS: number;
  perSide: number;
  concurrency: number;
  rounds: number;
  api: SideFigures;
  /** POST /api/journeys with `Prefer: respond-async`. */
  apiRespondAsync: SideFigures;
  rawClient: SideFigures;
  rawClientStartAndRead: SideFigures;
  /** The anchor journey started and asked its progress (answered after its first workflow task). */
  anchorStartToAsleep: SideFigures;
  /** Where the start + read time goes; the first query waits for the worker's first workflow task. */
  rawClientStartAndReadStepsMs: Record<ReadStep, LatencySummary>;
  /** API journeys per second / raw client starts per second. */
  apiToRawRatio: number;
  /** The same with `Prefer: respond-async` (target: at least 0.9). */
  apiRespondAsyncToRawRatio: number;
  /** The API's waiting path (answers with the first state) / the anchor's start-to-asleep rate (target: at least 0.9). */
  apiToAnchorRatio: number;
  /** A sample of each side's journeys: how long their first workflow task queued and ran. */
  firstWorkflowTask: Record<EnrolmentSide, FirstWorkflowTaskTimes>;
}

export async function measureEnrolmentThroughput(
  stack: BenchStack,
  options: { enrolments: number; concurrency: number; rounds: number },
): Promise<EnrolmentThroughput> {
  const type = findJourneyType(JOURNEY)!;
  const run = randomBytes(4).toString('hex');
  let patients = 0;
  const patientsBySide: Record<EnrolmentSide, string[]> = {
    api: [],
    apiRespondAsync: [],
    rawClient: [],
    rawClientStartAndRead: [],
    anchorStartToAsleep: [],
  };
  const nextPatientId = (side: EnrolmentSide) => {
    const patientId = `bench-${run}-${++patients}`;
    patientsBySide[side].push(patientId);
    return patientId;
  };
  const params = { appointmentAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), timeZone: 'UTC' };
  const target = { temporal: stack.temporal, taskQueue: stack.taskQueue, pseudonymKey: stack.pseudonymKey };

  const steps: Record<ReadStep, number[]> = { start: [], describe: [], firstQuery: [] };
  const timedStarts =
    (side: EnrolmentSide, read: boolean) =>
    (amount: number): Promise<RoundOutcome> =>
      timedPool(amount, options.concurrency, async () => {
        let at = performance.now();
        const lap = (step: ReadStep) => {
          const now = performance.now();
          steps[step].push(now - at);
          at = now;
        };
        const workflowId = await startJourneyRaw(target, type, nextPatientId(side), params);
        if (!read) return;
        lap('start');
        const handle = stack.temporal.workflow.getHandle(workflowId);
        await handle.describe();
        lap('describe');
        await handle.query(progressQuery);
        lap('firstQuery');
      });
  const sides = {
    api: (amount: number) =>
      postEnrolments(stack.apiBaseUrl, options.concurrency, amount, () =>
        JSON.stringify({ journey: JOURNEY, patientId: nextPatientId('api'), params }),
      ),
    apiRespondAsync: (amount: number) =>
      postEnrolments(
        stack.apiBaseUrl,
        options.concurrency,
        amount,
        () => JSON.stringify({ journey: JOURNEY, patientId: nextPatientId('apiRespondAsync'), params }),
        { prefer: 'respond-async' },
      ),
    rawClient: timedStarts('rawClient', false),
    rawClientStartAndRead: timedStarts('rawClientStartAndRead', true),
    anchorStartToAsleep: (amount: number) =>
      timedPool(amount, options.concurrency, async () => {
        const anchorTarget = { ...target, taskQueue: stack.anchorTaskQueue };
        const workflowId = await startAnchorJourney(anchorTarget, nextPatientId('anchorStartToAsleep'), {
          appointmentAt: params.appointmentAt,
        });
        await stack.temporal.workflow.getHandle(workflowId).query(anchorProgressQuery);
      }),
  };
  // Warm-up, not counted: connections, the worker's workflow cache, JIT.
  for (const side of Object.values(sides)) await side(options.concurrency);
  for (const laps of Object.values(steps)) laps.length = 0;
  for (const patientIds of Object.values(patientsBySide)) patientIds.length = 0;

  const figures = await runAlternatingRounds(sides, options.enrolments, options.rounds, stack.rolesByPid);
  const firstTask = (side: EnrolmentSide) =>
    firstWorkflowTaskTimes(
      stack.temporal,
      patientsBySide[side].map((patientId) =>
        journeyWorkflowId(
          side === 'anchorStartToAsleep' ? ANCHOR_JOURNEY : type.id,
          patientId,
          undefined,
          stack.pseudonymKey,
        ),
      ),
    );
  return {
    journey: JOURNEY,
    processes: stack.processes,
    apiForkedAtS: stack.apiForkedAtS,
    perSide: options.enrolments,
    concurrency: options.concurrency,
    rounds: options.rounds,
    ...figures,
    rawClientStartAndReadStepsMs: {
      start: summarize(steps.start),
      describe: summarize(steps.describe),
      firstQuery: summarize(steps.firstQuery),
    },
    apiToRawRatio: round(figures.api.perSecond / figures.rawClient.perSecond, 3),
    apiRespondAsyncToRawRatio: round(figures.apiRespondAsync.perSecond / figures.rawClient.perSecond, 3),
    apiToAnchorRatio: round(figures.api.perSecond / figures.anchorStartToAsleep.perSecond, 3),
    firstWorkflowTask: {
      api: await firstTask('api'),
      apiRespondAsync: await firstTask('apiRespondAsync'),
      rawClient: await firstTask('rawClient'),
      rawClientStartAndRead: await firstTask('rawClientStartAndRead'),
      anchorStartToAsleep: await firstTask('anchorStartToAsleep'),
    },
  };
}

/** `amount` enrolments over `connections` keep-alive connections; each body a new patient. */
function postEnrolments(
  baseUrl: string,
  connections: number,
  amount: number,
  nextBody: () => string,
  extraHeaders: Record<string, string> = {},
): Promise<RoundOutcome> {
  const outcome: RoundOutcome = { succeeded: 0, failed: 0, latenciesMs: [] };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}/api/journeys`,
        connections,
        amount,
        timeout: 60,
        method: 'POST',
        headers: { authorization: OPERATOR_KEY, 'content-type': 'application/json', ...extraHeaders },
        requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        outcome.failed += result.errors;
        if (result.errors > 0) outcome.firstFailure ??= `${result.errors} connection errors or timeouts`;
        resolve(outcome);
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      outcome.latenciesMs.push(responseTime);
      // 201: a new journey; anything else (200 would be an already-enrolled patient) is not one.
      if (status === 201) outcome.succeeded++;
      else {
        outcome.failed++;
        outcome.firstFailure ??= `POST /api/journeys answered ${status}`;
      }
    });
  });
}
