import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { stackValue, TEST_NAMESPACE } from '../helpers/test-stack';
import { drillSize } from '../helpers/drills/drill-size';
import { startDrillStack, type DrillStack } from '../helpers/drills/drill-stack';
import { enrolOverTime, jitteredPause, registerPatients } from '../helpers/drills/fault-schedule';
import {
  enrolmentRetries,
  expectedOutcomeAllowingDoubt,
  explainMismatches,
  outcomesOf,
  unconfirmedAttempts,
  waitUntilClosed,
} from '../helpers/drills/reminder-journeys';

/*
 * Drill 5: the worker process is SIGKILLed again and again while journeys are mid-flight.
 *
 * Sizes: reduced (default, CI): 60 journeys enrolled over 12 s, 3 kills 3-6 s apart (each followed
 * by an immediate restart), appointments 70 s after enrolment: about 2.5 minutes for the file.
 * Full (CAREPATH_DRILLS=full): 300 journeys over 60 s, 8 kills, appointments 120 s after
 * enrolment: about 4 minutes. The appointment must stay well beyond the recovery time after the
 * kills (a task or activity on a killed worker waits out its 10 s or 30 s timeout, and a restart
 * takes 5-15 s on two busy cores): a journey whose first turn comes after its appointment rightly
 * sends no reminder, and this drill would report that as a lost message.
 *
 * Each journey sends one reminder at enrolment (SMS, email, or a staff call when the patient
 * consents to neither) and ends on a durable timer at the appointment time. Kills land among
 * enrolments, sends and timers; the worker restarts at once, as a supervisor would restart it.
 */
const SIZE = drillSize({
  reduced: { journeys: 60, kills: 3, enrolSpanMs: 12_000, appointmentInMs: 70_000 },
  full: { journeys: 300, kills: 8, enrolSpanMs: 60_000, appointmentInMs: 120_000 },
});
const CLOSE_TIMEOUT_MS = SIZE.appointmentInMs + 60_000;

describe('drill: the worker is killed with SIGKILL while journeys are mid-flight', () => {
  let database: TestDatabase;
  let stack: DrillStack;
  /** Awaited before teardown: a failed test must leave no worker restarted, no request in flight. */
  let faults: Promise<void> | undefined;
  let enrolling: Promise<unknown> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startDrillStack({
      temporalAddress: stackValue('temporalAddress'),
      namespace: TEST_NAMESPACE,
      databaseUrl: database.url,
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled([faults, enrolling]);
    await stack?.close();
    await database?.drop();
  });

  test('[HZ-82] every journey reaches its end, each patient gets their one message exactly once, no timer is lost', async () => {
    const captured = () => stack.providers.sms.messages().length + stack.providers.smtp.messages().length;
    const phase = (name: string) =>
      console.log(`${name} after ${Math.round((Date.now() - began) / 1000)} s, ${captured()} messages`);
    const kills: Array<{ at: number; messagesSoFar: number }> = [];
    const patients = await registerPatients(stack.http, 'sigkill', SIZE.journeys);
    const began = Date.now();
    const enrolment = enrolOverTime(stack.http, patients, {
      spanMs: SIZE.enrolSpanMs,
      appointmentInMs: SIZE.appointmentInMs,
    });
    faults = (async () => {
      for (let kill = 0; kill < SIZE.kills; kill += 1) {
        await jitteredPause(3_000, 6_000);
        kills.push({ at: Date.now(), messagesSoFar: captured() });
        await stack.worker.kill();
        await stack.worker.start();
        phase(`worker killed and back (${kill + 1})`);
      }
    })();
    enrolling = enrolment;
    const [journeys] = await Promise.all([enrolment, faults]);
    phase('enrolled and killed');
    const stillOpen = await waitUntilClosed(stack, journeys, CLOSE_TIMEOUT_MS);
    phase('closed');

    // The faults really happened while journeys ran: messages were going out, timers were pending.
    expect(stack.worker.killed).toBe(SIZE.kills);
    expect(stack.worker.unexpectedExits).toEqual([]);
    const lastAppointment = Math.max(...journeys.map((journey) => Date.parse(journey.appointmentAt)));
    expect(kills.filter((kill) => kill.at < lastAppointment)).toHaveLength(SIZE.kills);

    expect(stillOpen.map((journey) => journey.id)).toEqual([]);
    const outcomes = await outcomesOf(stack, journeys);
    phase('outcomes read');
    // An email a kill left in doubt is not sent again (SMTP cannot be asked whether it took it);
    // a person checks with the patient instead. SMS is asked, so it is never left in doubt.
    const expected = journeys.map((journey, index) =>
      expectedOutcomeAllowingDoubt(journey, outcomes[index]!),
    );
    await explainMismatches(stack, journeys, outcomes, expected);
    expect(outcomes).toEqual(expected);
    const doubtful = outcomes.filter((outcome) => outcome.unconfirmed);
    expect(doubtful.filter((outcome) => outcome.reach !== 'email')).toEqual([]);
    const messaged = journeys.filter((journey) => journey.reach !== 'staff-call').length;
    const undelivered = doubtful.filter((outcome) => outcome.received === 0).length;
    expect(captured()).toBe(messaged - undelivered);
    expect(kills.filter((kill) => kill.messagesSoFar > 0).length).toBeGreaterThan(0);
    console.log(
      `worker SIGKILL drill: ${journeys.length} journeys, ${stack.worker.killed} kills, ` +
        `${stack.providers.sms.messages().length} SMS + ${stack.providers.smtp.messages().length} emails ` +
        `for ${messaged} messaged patients, ${journeys.length - messaged} staff calls, ` +
        `${unconfirmedAttempts.count} logged uncertain after a kill (${undelivered} of them not received; ` +
        `${doubtful.length} staff checks), ` +
        `enrolments sent again after a 5xx: ${JSON.stringify(enrolmentRetries)}`,
    );
  }, 600_000);
});
