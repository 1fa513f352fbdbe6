import { randomBytes } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { EHR_BASE, notificationBundle, observation } from '../shared/ehr-inbound/inbound.test-support';
import { journeyEventUpdate, progressQuery } from '../contracts/journey-contract';
import { runAlternatingRounds, type RoundOutcome, type SideFigures } from './alternating-rounds';
import type { BenchStack } from './bench-stack';
import { round, summarize, type LatencySummary } from './percentiles';

/*
 * EHR event reaction: from a FHIR subscription notification posted to /api/fhir until the
 * journey's progress, read back through GET /api/journeys/:id, shows it; against the raw client
 * sending the same event as the workflow update the API sends, then querying progress. Both
 * sides take turns on the same prediabetes journeys. The event is a body-weight Observation
 * (full-resource payload): the journey logs it as a reading, which `facts.readingsLogged` counts.
 */

const JOURNEY = 'prediabetes-care';
const BODY_WEIGHT_LOINC = '29463-7';
/** The baseline weight, sent unchanged: no weight-loss milestone adds messages to the measurement. */
const WEIGHT_KG = 95;
const OPERATOR_KEY = 'Bearer dev-operator-key';
const INTEGRATION_KEY = 'Bearer dev-integration-key';
/** An effect not visible by then is a failure, not a slow event. */
const VISIBLE_WITHIN_MS = 10_000;
const POLL_INTERVAL_MS = 2;

export interface EhrEventReaction {
  journey: string;
  event: string;
  perSide: number;
  journeys: number;
  concurrency: number;
  rounds: number;
  /** POST /api/fhir until GET /api/journeys/:id shows the reading. */
  api: SideFigures;
  /** executeUpdate(event) until the progress query shows the reading. */
  rawClient: SideFigures;
  /** Reads after the first that were needed before the effect showed (0: visible at once). */
  extraReads: { api: number; rawClient: number };
  /** Each side split in two: sending the event, then reading until its effect shows. */
  stepsMs: Record<ReactionStep, LatencySummary>;
  apiToRawLatencyRatio: { p50: number; p95: number; p99: number };
}

type ReactionStep = 'apiPost' | 'apiRead' | 'rawUpdate' | 'rawQuery';

interface EventJourney {
  id: string;
  patientId: string;
  subscription: string;
  eventNumber: number;
  /** Readings the journey has been sent so far, by either side. */
  readings: number;
}

export async function measureEhrEventReaction(
  stack: BenchStack,
  options: { events: number; eventJourneys: number; eventConcurrency: number; rounds: number },
): Promise<EhrEventReaction> {
  const run = randomBytes(4).toString('hex');
  const journeys = await enrolJourneys(stack.apiBaseUrl, run, options.eventJourneys);
  let observations = 0;
  const extraReads = { api: 0, rawClient: 0 };

  const steps: Record<ReactionStep, number[]> = { apiPost: [], apiRead: [], rawUpdate: [], rawQuery: [] };
  const timed = async <T>(step: ReactionStep, work: () => Promise<T>): Promise<T> => {
    const began = performance.now();
    const result = await work();
    steps[step].push(performance.now() - began);
    return result;
  };

  const viaApi = async (journey: EventJourney) => {
    journey.eventNumber++;
    const reading = observation(
      journey.patientId,
      BODY_WEIGHT_LOINC,
      WEIGHT_KG,
      'kg',
      new Date().toISOString(),
      `bench-${run}-${++observations}`,
    );
    const bundle = notificationBundle({
      subscription: journey.subscription,
      events: [{ number: journey.eventNumber, focus: reading, timestamp: new Date().toISOString() }],
    });
    const answer = await timed('apiPost', () =>
      httpJson(stack.apiBaseUrl, '/api/fhir', INTEGRATION_KEY, bundle, 'application/fhir+json'),
    );
    const outcome = (answer as { entries?: Array<{ outcome: string; reason?: string }> }).entries?.[0];
    if (outcome?.outcome !== 'applied') {
      throw new Error(`The EHR event was not applied: ${outcome?.reason ?? JSON.stringify(answer)}`);
    }
    journey.readings++;
    extraReads.api += await timed('apiRead', () =>
      readsUntil(
        async () =>
          ((await httpJson(stack.apiBaseUrl, `/api/journeys/${journey.id}`, OPERATOR_KEY)) as ProgressView)
            .facts.readingsLogged,
        journey.readings,
      ),
    );
  };
  const viaRawClient = async (journey: EventJourney) => {
    const handle: WorkflowHandle = stack.temporal.workflow.getHandle(journey.id);
    await timed('rawUpdate', () =>
      handle.executeUpdate(journeyEventUpdate, {
        args: [{ type: 'reading', metric: 'weight-kg', value: WEIGHT_KG, at: new Date().toISOString() }],
      }),
    );
    journey.readings++;
    extraReads.rawClient += await timed('rawQuery', () =>
      readsUntil(async () => (await handle.query(progressQuery)).facts.readingsLogged, journey.readings),
    );
  };

  const sides = {
    api: (amount: number) => inLanes(journeys, options.eventConcurrency, amount, viaApi),
    rawClient: (amount: number) => inLanes(journeys, options.eventConcurrency, amount, viaRawClient),
  };
  // Warm-up, not counted: one event per journey each way (first update of each workflow, JIT).
  await sides.api(journeys.length);
  await sides.rawClient(journeys.length);
  extraReads.api = 0;
  extraReads.rawClient = 0;
  for (const laps of Object.values(steps)) laps.length = 0;

  const figures = await runAlternatingRounds(sides, options.events, options.rounds, stack.rolesByPid);
  const ratio = (p: 'p50' | 'p95' | 'p99') =>
    round(figures.api.latencyMs[p] / figures.rawClient.latencyMs[p], 2);
  return {
    journey: JOURNEY,
    event: `FHIR R4 notification bundle (full-resource), body-weight Observation (LOINC ${BODY_WEIGHT_LOINC}) -> "reading" update -> facts.readingsLogged`,
    perSide: options.events,
    journeys: journeys.length,
    concurrency: options.eventConcurrency,
    rounds: options.rounds,
    ...figures,
    extraReads,
    stepsMs: {
      apiPost: summarize(steps.apiPost),
      apiRead: summarize(steps.apiRead),
      rawUpdate: summarize(steps.rawUpdate),
      rawQuery: summarize(steps.rawQuery),
    },
    apiToRawLatencyRatio: { p50: ratio('p50'), p95: ratio('p95'), p99: ratio('p99') },
  };
}

interface ProgressView {
  facts: Record<string, unknown>;
}

/** Journeys enrolled through the API, so their ids are the ones the EHR routing derives. */
async function enrolJourneys(baseUrl: string, run: string, count: number): Promise<EventJourney[]> {
  const journeys: EventJourney[] = [];
  for (let index = 0; index < count; index++) {
    const patientId = `bench-${run}-pd-${index}`;
    const started = (await httpJson(baseUrl, '/api/journeys', OPERATOR_KEY, {
      journey: JOURNEY,
      patientId,
      params: { entry: { kind: 'hba1c', value: 6.0 }, baselineWeightKg: WEIGHT_KG, timeZone: 'UTC' },
    })) as { id: string; facts: Record<string, unknown> };
    journeys.push({
      id: started.id,
      patientId,
      // One subscription per journey: its event numbers then arrive in order, never as gaps.
      subscription: `${EHR_BASE}/Subscription/bench-${run}-${index}`,
      eventNumber: 0,
      readings: Number(started.facts.readingsLogged ?? 0),
    });
  }
  return journeys;
}

/**
 * `amount` events over `concurrency` lanes; each lane owns its own journeys, so a journey never
 * has two events in flight and its reading count stays exact.
 */
async function inLanes(
  journeys: EventJourney[],
  concurrency: number,
  amount: number,
  send: (journey: EventJourney) => Promise<void>,
): Promise<RoundOutcome> {
  const outcome: RoundOutcome = { succeeded: 0, failed: 0, latenciesMs: [] };
  const lane = async (laneIndex: number) => {
    const own = journeys.filter((_, index) => index % concurrency === laneIndex);
    for (let event = laneIndex; event < amount; event += concurrency) {
      const journey = own[Math.floor(event / concurrency) % own.length]!;
      const began = performance.now();
      try {
        await send(journey);
        outcome.succeeded++;
        outcome.latenciesMs.push(performance.now() - began);
      } catch (error) {
        outcome.failed++;
        outcome.firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => lane(index)));
  return outcome;
}

/** Reads until the count reaches `expected`; answers how many reads after the first it took. */
async function readsUntil(read: () => Promise<unknown>, expected: number): Promise<number> {
  const deadline = performance.now() + VISIBLE_WITHIN_MS;
  for (let extra = 0; ; extra++) {
    if (Number(await read()) >= expected) return extra;
    if (performance.now() > deadline)
      throw new Error(`The reading did not show within ${VISIBLE_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

async function httpJson(
  baseUrl: string,
  path: string,
  authorization: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}
