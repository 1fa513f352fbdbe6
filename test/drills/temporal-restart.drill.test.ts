import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { drillSize } from '../helpers/drills/drill-size';
import { startDrillStack, type DrillStack } from '../helpers/drills/drill-stack';
import { enrolOverTime, pause, registerPatients } from '../helpers/drills/fault-schedule';
import { watchHealth } from '../helpers/drills/health-watch';
import {
  enrolmentRetries,
  expectedOutcome,
  explainMismatches,
  outcomesOf,
  unconfirmedAttempts,
  waitUntilClosed,
} from '../helpers/drills/reminder-journeys';
import { RestartableTemporal } from '../helpers/drills/restartable-temporal';

/*
 * Drill 6: the Temporal dev server, with its persistent database (--db-filename), is stopped in
 * the middle of a run and started again on the same file.
 *
 * Sizes: reduced (default, CI): 45 journeys enrolled over 15 s, one restart 5 s in with the
 * server down 5 s, appointments 45 s after enrolment (about 2 minutes for the file, a third of it
 * starting the drill's own dev server, worker and API). Full
 * (CAREPATH_DRILLS=full): 240 journeys over 60 s, restarts 15 s and 40 s in, each down 10 s,
 * appointments 120 s after enrolment.
 *
 * Each journey sends one reminder at enrolment (SMS, email, or a staff call task) and ends on a
 * durable timer at the appointment time: timers and journeys live in the server's SQLite file.
 * The API and the worker keep running through the restart; nobody restarts them.
 */
const SIZE = drillSize({
  reduced: {
    journeys: 45,
    enrolSpanMs: 15_000,
    restartsAfterMs: [5_000],
    downMs: 5_000,
    appointmentInMs: 45_000,
  },
  full: {
    journeys: 240,
    enrolSpanMs: 60_000,
    restartsAfterMs: [15_000, 40_000],
    downMs: 10_000,
    appointmentInMs: 120_000,
  },
});
const CLOSE_TIMEOUT_MS = SIZE.appointmentInMs + 90_000;
const DRILL_NAMESPACE = 'carepath-drill';

describe('drill: the Temporal server is restarted while journeys are mid-flight', () => {
  let temporal: RestartableTemporal;
  let database: TestDatabase;
  let stack: DrillStack;
  /** Awaited before teardown: a failed test must leave no request in flight. */
  let inFlight: Promise<unknown> | undefined;
  let health: ReturnType<typeof watchHealth> | undefined;

  beforeAll(async () => {
    [temporal, database] = await Promise.all([
      RestartableTemporal.start(DRILL_NAMESPACE),
      createTestDatabase(),
    ]);
    stack = await startDrillStack({
      temporalAddress: temporal.address,
      namespace: DRILL_NAMESPACE,
      databaseUrl: database.url,
    });
  }, 120_000);
  afterAll(async () => {
    await inFlight?.catch(() => undefined);
    await health?.stop();
    await stack?.close();
    await Promise.all([temporal?.destroy(), database?.drop()]);
  });

  test('journeys continue from the persisted state: every one ends, each message and staff task exactly once', async () => {
    const captured = () => stack.providers.sms.messages().length + stack.providers.smtp.messages().length;
    const patients = await registerPatients(stack.http, 'temporal-restart', SIZE.journeys);
    const watch = watchHealth(stack.http);
    health = watch;
    const downtimes: Array<{ from: number; to: number; messagesBefore: number }> = [];
    const began = Date.now();
    const enrolment = enrolOverTime(stack.http, patients, {
      spanMs: SIZE.enrolSpanMs,
      appointmentInMs: SIZE.appointmentInMs,
    });
    const faults = (async () => {
      for (const after of SIZE.restartsAfterMs) {
        await pause(began + after - Date.now());
        const messagesBefore = captured();
        await temporal.stop();
        const from = Date.now();
        await pause(SIZE.downMs);
        downtimes.push({ from, to: Date.now(), messagesBefore });
        await temporal.restart();
      }
    })();
    inFlight = Promise.allSettled([enrolment, faults]);
    const [journeys] = await Promise.all([enrolment, faults]);
    const stillOpen = await waitUntilClosed(stack, journeys, CLOSE_TIMEOUT_MS);
    await watch.stop();

    // The server really went away (and the API said so) while journeys were running.
    expect(temporal.outages).toBe(SIZE.restartsAfterMs.length);
    const whileDown = watch.samples.filter((sample) =>
      downtimes.some((down) => sample.at > down.from && sample.at < down.to),
    );
    expect(whileDown.some((sample) => sample.httpStatus === 503 && sample.temporal === 'down')).toBe(true);
    expect(watch.samples.at(-1)).toMatchObject({ httpStatus: 200, temporal: 'up' });
    expect(downtimes.every((down) => down.messagesBefore < journeys.length)).toBe(true);
    // Nobody restarted the worker: it rode out the restart on its own.
    expect(stack.worker.unexpectedExits).toEqual([]);
    expect(stack.worker.running).toBe(true);

    expect(stillOpen.map((journey) => journey.id)).toEqual([]);
    const outcomes = await outcomesOf(stack, journeys);
    await explainMismatches(stack, journeys, outcomes);
    expect(outcomes).toEqual(journeys.map(expectedOutcome));
    const messaged = journeys.filter((journey) => journey.reach !== 'staff-call').length;
    expect(captured()).toBe(messaged);
    console.log(
      `Temporal restart drill: ${journeys.length} journeys, ${temporal.outages} restarts ` +
        `(${whileDown.length} health answers while down), ${captured()} messages for ${messaged} messaged ` +
        `patients, ${journeys.length - messaged} staff calls, ${unconfirmedAttempts.count} logged uncertain, ` +
        `enrolments sent again after a 5xx: ${JSON.stringify(enrolmentRetries)}`,
    );
  }, 600_000);
});
