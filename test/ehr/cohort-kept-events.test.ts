import type { Appointment } from '@medplum/fhirtypes';
import request from 'supertest';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  appointment,
  channelConsent,
  EHR_BASE,
  notificationBundle,
  type NotificationEventSpec,
} from '../../shared/ehr-inbound/inbound.test-support';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { cohortFinderWorkflow } from '../../workflows/cohort-finder/cohort-finder.workflow';
import { DAY_MS } from '../../contracts/durations';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import type { KeptEhrEvents } from '../../activities/cohort/kept-ehr-events';
import { cohortEnrolment } from '../../worker/cohort-enrolment';
import { createJourneyWorker } from '../../worker/create-worker';
import { sandboxEngagement } from '../helpers/engagement-sandbox';
import { testDataConverter } from '../helpers/test-payload-encryption';
import { journeyWorkflowBundle } from '../helpers/workflow-bundle';
import { stackValue, uniqueName } from '../helpers/test-stack';

type TimelineEntry = { kind: string; ref?: string; summary: string; by?: string };
type JourneyView = { status: string; stage: string; timeline: TimelineEntry[] };

const MAMMOGRAPHY = { system: CODE_SYSTEMS.snomed, code: '71651007' };
const HELD_FOR_ONE = 'Held its first step for 1 EHR event that came before the enrolment: 1 applied first';

/*
 * The nightly cohort finder over the real API, worker (composed as worker/main.ts composes it),
 * Temporal dev server, PostgreSQL and FHIR sandbox: what the EHR said about a patient before the
 * run (kept in the inbox) reaches the journey the run starts before its first step, as it does for
 * the API's enrolments (HZ-35).
 */
describe('the cohort finder enrols with the EHR events kept from before the run', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: { seed: false },
      workerReadsEhr: true,
      cohortFinder: true,
    });
  }, 120_000);
  afterAll(async () => {
    // The journeys would wait for weeks on the shared server: end them with the test.
    const rows = ((await stack?.database.dataSource.query('SELECT journey_id FROM cohort_enrolment')) ??
      []) as Array<{ journey_id: string | null }>;
    for (const { journey_id: id } of rows)
      if (id)
        await stack.temporal.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined);
    await stack?.close();
  });

  const api = () => request(stack.http);
  const read = async (id: string) =>
    (await api().get(`/api/journeys/${id}`).set('Authorization', DEMO_KEYS.operator).expect(200))
      .body as JourneyView;

  /** A woman of 58 with no mammogram on record: due for one. */
  async function womanDueForMammogram(): Promise<string> {
    const id = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({
      resourceType: 'Patient',
      id,
      birthDate: '1968-03-14',
      gender: 'female',
      telecom: [{ system: 'email', value: `${id}@patients.test` }],
    });
    return id;
  }

  const post = (events: NotificationEventSpec[]) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(
        JSON.stringify(
          notificationBundle({ subscription: `${EHR_BASE}/Subscription/${uniqueName('sub')}`, events }),
        ),
      )
      .expect(200);

  /**
   * She booked the day before the run: the EHR says so, but no outreach runs for her yet, so the
   * inbox keeps the booking. The inbox keeps no resources: it is read again from the EHR.
   */
  async function bookedBeforeTheRun(patientId: string): Promise<Appointment> {
    const startsAt = new Date(Date.now() + 30 * DAY_MS).toISOString();
    const booking: Appointment = appointment(patientId, 'booked', startsAt, {
      id: uniqueName('appt'),
      serviceType: MAMMOGRAPHY,
    });
    await stack.fhirSandbox!.repo.createResource(booking);
    const received = await post([{ number: 1, focus: booking }]);
    expect(received.body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringContaining('kept, and applied if such a journey starts within 14 days'),
    });
    return booking;
  }

  /** Both may be emailed: an invitation would reach the outbox, not stop at consent. */
  async function emailPermitted(...patientIds: string[]): Promise<void> {
    const email = { system: CODE_SYSTEMS.contactPointSystem, code: 'email' };
    await post(
      patientIds.map((patientId, index) => ({
        number: index + 1,
        focus: channelConsent(patientId, email, 'permit', { id: uniqueName('consent') }),
      })),
    );
  }

  /** The journey took the booking once, before its first step, and sent nothing. */
  async function bookedWithoutInvitation(journeyId: string, booking: Appointment): Promise<void> {
    const journey = await eventually(
      () => read(journeyId),
      (current) => current.stage === 'booked',
      30_000,
    );
    expect(journey.status).toBe('active');
    expect(journey.timeline.filter((entry) => entry.ref === 'appointment-booked')).toEqual([
      expect.objectContaining({ kind: 'event', by: 'EHR event (Appointment)' }),
    ]);
    expect(journey.timeline.filter((entry) => entry.summary.startsWith('Held its first step'))).toEqual([
      expect.objectContaining({ kind: 'control', summary: HELD_FOR_ONE }),
    ]);
    expect(journey.timeline.filter((entry) => entry.kind === 'message')).toEqual([]);
    expect(await sentFor(journeyId)).toBe(0);
    const rows = (await stack.database.dataSource.query(
      'SELECT status, journey_ids FROM ehr_event WHERE resource_id = $1',
      [booking.id],
    )) as Array<{ status: string; journey_ids: string[] }>;
    expect(rows).toEqual([{ status: 'applied', journey_ids: [journeyId] }]);
  }

  async function runCohortFinder(taskQueue = stack.config.temporal.taskQueue) {
    const handle = await stack.temporal.workflow.start(cohortFinderWorkflow, {
      taskQueue,
      workflowId: uniqueName('cohort-finder'),
      args: [{ items: ['mammogram'] }],
    });
    return handle.result();
  }

  async function journeyOf(patientId: string): Promise<string> {
    const [row] = (await stack.database.dataSource.query(
      "SELECT journey_id, status FROM cohort_enrolment WHERE patient_ref = $1 AND item = 'mammogram'",
      [patientRefFor(patientId, stack.config.pseudonymKey)],
    )) as Array<{ journey_id: string; status: string }>;
    expect(row?.status).toBe('enrolled');
    return row!.journey_id;
  }

  const sentFor = async (journeyId: string) =>
    (
      (await stack.database.dataSource.query(
        'SELECT count(*)::int AS sent FROM outreach_message WHERE journey_id = $1',
        [journeyId],
      )) as Array<{ sent: number }>
    )[0]!.sent;

  test('[HZ-35] a patient who booked her mammogram before the run is not invited by the journey the run starts: it waits for the appointment; a patient with nothing kept is invited as before, with no hold', async () => {
    const booked = await womanDueForMammogram();
    const plain = await womanDueForMammogram();
    await emailPermitted(booked, plain);
    const booking = await bookedBeforeTheRun(booked);

    const counts = await runCohortFinder();
    expect(counts).toMatchObject({ found: 2, enrolled: 2, refused: 0 });
    const bookedJourney = await journeyOf(booked);
    const plainJourney = await journeyOf(plain);

    // The patient with nothing kept starts as before: no hold, and her invitation goes out.
    const invited = await eventually(
      () => read(plainJourney),
      (journey) => journey.timeline.some((entry) => entry.kind === 'message'),
      60_000,
    );
    expect(invited).toMatchObject({ status: 'active', stage: 'outreach' });
    expect(await sentFor(plainJourney)).toBeGreaterThan(0);
    expect(invited.timeline.filter((entry) => entry.summary.startsWith('Held its first step'))).toEqual([]);

    // The patient who booked: the booking was applied before the first step, so nothing was
    // sent, planned or tried, and the journey waits for the appointment.
    await bookedWithoutInvitation(bookedJourney, booking);

    // The next run finds both enrolled: nothing is started, applied or released twice.
    expect(await runCohortFinder()).toMatchObject({ found: 2, enrolled: 0, alreadyEnrolled: 2 });
    const after = await read(bookedJourney);
    expect(after.timeline.filter((entry) => entry.ref === 'appointment-booked')).toHaveLength(1);
    expect(after.timeline.filter((entry) => entry.summary === HELD_FOR_ONE)).toHaveLength(1);
  }, 180_000);

  describe('an enrolment retried after the worker crashed', () => {
    const taskQueue = uniqueName('cohort-retried');
    /** Where a patient's enrolment dies, once: before her kept events are delivered, or after. */
    const crashes = new Map<string, 'before-delivery' | 'after-delivery'>();
    let connection: NativeConnection;
    let worker: Worker;
    let running: Promise<void>;
    let engagement: ReturnType<typeof sandboxEngagement>;

    beforeAll(async () => {
      const fhir = createHttpFhirClient({
        baseUrl: stack.fhirSandbox!.baseUrl,
        smart: undefined,
        requestTimeoutMs: 10_000,
      });
      const { dataSource } = stack.database;
      const { journeyStarter, keptEvents } = cohortEnrolment({
        dataSource,
        temporal: stack.temporal,
        fhir,
        config: stack.config,
      });
      const crashing: KeptEhrEvents = {
        keptEventsFor: (patientRef) => keptEvents.keptEventsFor(patientRef),
        async deliverKeptEvents(patientRef, held) {
          const crash = crashes.get(patientRef);
          crashes.delete(patientRef);
          if (crash === 'before-delivery') throw new Error('the worker died before delivering');
          await keptEvents.deliverKeptEvents(patientRef, held);
          if (crash === 'after-delivery') throw new Error('the worker died before recording the enrolment');
        },
      };
      engagement = sandboxEngagement(dataSource, stack.providers);
      connection = await NativeConnection.connect({ address: stackValue('temporalAddress') });
      // The finder runs here; the journeys it starts run on the stack's worker, as they would.
      worker = await createJourneyWorker({
        connection,
        temporal: { namespace: stack.config.temporal.namespace, taskQueue },
        dataSource,
        dataConverter: testDataConverter,
        engagement,
        ehr: { fhir, pseudonymKey: stack.config.pseudonymKey },
        journeyStarter,
        keptEvents: crashing,
        workflowBundle: await journeyWorkflowBundle(),
      });
      running = worker.run();
    }, 120_000);
    afterAll(async () => {
      worker?.shutdown();
      await running;
      engagement?.close();
      await connection?.close();
    });

    test('[HZ-35] the kept booking is applied once and the held journey released, whether the crash came before the delivery or after it', async () => {
      const diedBefore = await womanDueForMammogram();
      const diedAfter = await womanDueForMammogram();
      await emailPermitted(diedBefore, diedAfter);
      const bookings = [await bookedBeforeTheRun(diedBefore), await bookedBeforeTheRun(diedAfter)];
      crashes.set(patientRefFor(diedBefore, stack.config.pseudonymKey), 'before-delivery');
      crashes.set(patientRefFor(diedAfter, stack.config.pseudonymKey), 'after-delivery');

      // The activity fails twice and Temporal retries it: each retry finds the claim it made
      // and the journey it started, and finishes the enrolment.
      expect(await runCohortFinder(taskQueue)).toMatchObject({ refused: 0, alreadyInJourney: 0 });
      expect(crashes.size).toBe(0);
      await bookedWithoutInvitation(await journeyOf(diedBefore), bookings[0]!);
      await bookedWithoutInvitation(await journeyOf(diedAfter), bookings[1]!);
    }, 180_000);
  });
});
