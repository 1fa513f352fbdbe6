import { stackValue, TEST_NAMESPACE } from '../helpers/test-stack';
import { retriedActivities } from '../helpers/drills/activity-retries';
import { drillSize } from '../helpers/drills/drill-size';
import { startDrillStack, type DrillStack } from '../helpers/drills/drill-stack';
import { enrolOverTime, pause, registerPatients } from '../helpers/drills/fault-schedule';
import { watchHealth } from '../helpers/drills/health-watch';
import {
  enrolmentRetries,
  expectedOutcome,
  explainMismatches,
  outcomesOf,
  waitUntilClosed,
} from '../helpers/drills/reminder-journeys';
import { RestartablePostgres } from '../helpers/drills/restartable-postgres';

/*
 * Drill 9: PostgreSQL is stopped in the middle of a run and started again with its data.
 *
 * Sizes: reduced (default, CI): 45 journeys enrolled over 15 s, one outage of 10 s starting 8 s
 * in, appointments 45 s after enrolment (about 2 minutes for the file). Full (CAREPATH_DRILLS=full): 240
 * journeys over 60 s, one outage of 30 s starting 15 s in, appointments 120 s after enrolment.
 *
 * Each journey sends one reminder at enrolment (SMS, email, or a staff call task when the
 * patient consents to neither: the task lives in PostgreSQL) and ends on a durable timer at the
 * appointment time. The API and the worker keep running through the outage.
 */
const SIZE = drillSize({
  reduced: {
    journeys: 45,
    enrolSpanMs: 15_000,
    outageAfterMs: 5_000,
    outageMs: 10_000,
    appointmentInMs: 45_000,
  },
  full: {
    journeys: 240,
    enrolSpanMs: 60_000,
    outageAfterMs: 15_000,
    outageMs: 30_000,
    appointmentInMs: 120_000,
  },
});
const CLOSE_TIMEOUT_MS = SIZE.appointmentInMs + 90_000;

describe('drill: PostgreSQL is restarted while journeys are mid-flight', () => {
  let postgres: RestartablePostgres;
  let stack: DrillStack;
  /** Awaited before teardown: a failed test must leave no request in flight. */
  let inFlight: Promise<unknown> | undefined;
  let health: ReturnType<typeof watchHealth> | undefined;

  beforeAll(async () => {
    postgres = await RestartablePostgres.start('carepath_drill');
    const databaseUrl = postgres.urlFor('carepath_drill');
    stack = await startDrillStack({
      temporalAddress: stackValue('temporalAddress'),
      namespace: TEST_NAMESPACE,
      databaseUrl,
    });
  }, 120_000);
  afterAll(async () => {
    await inFlight?.catch(() => undefined);
    await health?.stop();
    await stack?.close();
    await postgres?.destroy();
  });

  test('health says unhealthy while it is down; afterwards every journey ends with each message and staff task exactly once', async () => {
    const captured = () => stack.providers.sms.messages().length + stack.providers.smtp.messages().length;
    const patients = await registerPatients(stack.http, 'pg-restart', SIZE.journeys);
    const watch = watchHealth(stack.http);
    health = watch;
    const outage = { from: 0, to: 0, messagesBefore: 0 };
    const enrolment = enrolOverTime(stack.http, patients, {
      spanMs: SIZE.enrolSpanMs,
      appointmentInMs: SIZE.appointmentInMs,
    });
    const fault = (async () => {
      await pause(SIZE.outageAfterMs);
      outage.messagesBefore = captured();
      await postgres.stop();
      outage.from = Date.now();
      await pause(SIZE.outageMs);
      outage.to = Date.now();
      await postgres.restart();
    })();
    inFlight = Promise.allSettled([enrolment, fault]);
    const [journeys] = await Promise.all([enrolment, fault]);
    const stillOpen = await waitUntilClosed(stack, journeys, CLOSE_TIMEOUT_MS);
    await watch.stop();

    // The outage really happened, while journeys ran, and the API said so.
    expect(postgres.outages).toBe(1);
    expect(stack.worker.unexpectedExits).toEqual([]);
    const duringOutage = watch.samples.filter((sample) => sample.at > outage.from && sample.at < outage.to);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((sample) => sample.httpStatus === 503 && sample.database === 'down')).toEqual(
      duringOutage,
    );
    expect(watch.samples.at(-1)).toMatchObject({ httpStatus: 200, database: 'up', temporal: 'up' });
    expect(outage.messagesBefore).toBeLessThan(journeys.length);

    expect(stillOpen.map((journey) => journey.id)).toEqual([]);
    const outcomes = await outcomesOf(stack, journeys);
    await explainMismatches(stack, journeys, outcomes);
    expect(outcomes).toEqual(journeys.map(expectedOutcome));
    const messaged = journeys.filter((journey) => journey.reach !== 'staff-call').length;
    expect(captured()).toBe(messaged);
    // Activities met the outage and retried through it.
    const retried = await retriedActivities(stack, journeys);
    expect(retried).toBeGreaterThan(0);
    console.log(
      `PostgreSQL restart drill: ${journeys.length} journeys, ${outage.messagesBefore} messages before the outage, outage of ${Math.round((outage.to - outage.from) / 1000)} s ` +
        `(${duringOutage.length} health answers 503 during it), ${captured()} messages for ${messaged} messaged ` +
        `patients, ${journeys.length - messaged} staff calls, ${retried} activities retried, ` +
        `enrolments sent again after a 5xx: ${JSON.stringify(enrolmentRetries)}`,
    );
  }, 600_000);
});
