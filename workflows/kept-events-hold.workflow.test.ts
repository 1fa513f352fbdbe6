import type { WorkflowHandle } from '@temporalio/client';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  keptEventsDeliveredUpdate,
  progressQuery,
  type JourneyProgress,
  type KeptEvents,
} from '../contracts/journey-contract';
import { releaseKeptEventsHold } from '../shared/journeys/kept-events-release';
import { screeningBookingDefinition as definition } from '../test/helpers/definition-examples';
import { createJourneyHarness, type JourneyHarness } from '../test/helpers/journey-harness';
import { uniqueName } from '../test/helpers/test-stack';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type DefinitionJourneyInput,
} from './definition-interpreter/definition-journey.workflow';

/*
 * HZ-35 on a time-skipping server (Journey.receiveKeptEvents), with the screening example (booked
 * already? then invite) and a coded journey: a journey started with `keptEvents` holds its first step until
 * the starter delivers the kept events and releases it, or until the hold times out (a starter
 * that crashed); one started without them runs its first node at once, as before.
 */
describe('a journey waits for the events the EHR sent before its enrolment before its first step', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('kept-events-hold');
    await harness.seedContact(
      'ref-kept',
      { phone: '+15555550911', language: 'en', channelOrder: ['sms'], portalEnabled: false, timeZone: 'UTC' },
      { sms: 'granted' },
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  function start(keptEvents?: KeptEvents) {
    const input: DefinitionJourneyInput = {
      patientRef: 'ref-kept',
      patientId: 'pat-kept',
      params: { definition, timeZone: 'UTC', values: { schedulingUrl: 'https://book.example.org' } },
      program: { version: 1, settings: {} },
      ...(keptEvents ? { keptEvents } : {}),
    };
    return harness.env.client.workflow.start(DEFINITION_JOURNEY_WORKFLOW, {
      workflowId: uniqueName('kept-events'),
      taskQueue: harness.taskQueue,
      args: [input],
    });
  }
  const progressOf = (handle: WorkflowHandle) => handle.query(progressQuery);
  const lines = (progress: JourneyProgress, kind: string) =>
    progress.timeline.filter((entry) => entry.kind === kind).map((entry) => entry.summary);

  test('[HZ-35] kept events delivered during the hold reach the first node: a booked patient gets no invitation', async () => {
    const handle = await start({ expected: 1 });
    await harness.env.sleep('20 seconds');
    await handle.executeUpdate(journeyEventUpdate, {
      args: [
        { type: 'appointment-booked', appointmentAt: '2030-01-10T15:00:00.000Z' },
        { by: 'EHR event (Appointment)' },
      ],
    });
    await handle.executeUpdate(keptEventsDeliveredUpdate, { args: [{ applied: 1 }] });
    const final = (await handle.result()) as JourneyProgress;

    expect(final).toMatchObject({ status: 'completed', stage: 'booked' });
    expect(lines(final, 'control')).toContain(
      'Held its first step for 1 EHR event that came before the enrolment: 1 applied first',
    );
    expect(lines(final, 'message')).toEqual([]);
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);
  });

  test('[HZ-35] a journey whose release never comes goes on after the hold times out, and says so', async () => {
    const handle = await start({ expected: 2 });
    await harness.env.sleep('90 seconds');
    const held = await progressOf(handle);
    expect(held).toMatchObject({ status: 'active' });
    expect(lines(held, 'message')).toEqual([]);
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);

    await harness.env.sleep('1 minute');
    const [invitation] = await harness.messagesOf(handle.workflowId);
    expect(invitation).toMatchObject({ channel: 'sms', template: 'screening-invitation' });
    const after = await progressOf(handle);
    expect(after).toMatchObject({ status: 'active', stage: 'invited' });
    expect(lines(after, 'control')).toContain(
      'Held its first step for 2 EHR events that came before the enrolment; no word they were delivered within 2 minutes, so it went on without waiting further',
    );
    // A release that comes after all changes nothing.
    await handle.executeUpdate(keptEventsDeliveredUpdate, { args: [{ applied: 0 }] });
    expect((await progressOf(handle)).timeline).toHaveLength(after.timeline.length);
  });

  test('[HZ-35] a kept event that ends the journey during the hold (a death) leaves its first node unrun; the release then finds nothing held', async () => {
    const handle = await start({ expected: 1 });
    await harness.env.sleep('20 seconds');
    await handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'the EHR records the patient as deceased', by: 'ehr' }],
    });
    const final = (await handle.result()) as JourneyProgress;
    expect(final).toMatchObject({ status: 'cancelled' });
    expect(lines(final, 'message')).toEqual([]);
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);
    await expect(releaseKeptEventsHold(harness.env.client, handle.workflowId, 1)).resolves.toBeUndefined();
  });

  test('[HZ-35] a coded journey holds its first message too: a patient who declined before the enrolment is never invited', async () => {
    const handle = await harness.start('preventive-outreach', {
      params: { item: 'mammogram' },
      keptEvents: { expected: 1 },
    });
    await harness.env.sleep('20 seconds');
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);
    await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'declined' }] });
    await handle.executeUpdate(keptEventsDeliveredUpdate, { args: [{ applied: 1 }] });
    const final = (await handle.result()) as JourneyProgress;
    expect(final).toMatchObject({ status: 'completed', stage: 'declined' });
    expect(lines(final, 'message')).toEqual([]);
    expect(await harness.messagesOf(handle.workflowId)).toEqual([]);
  });

  test('a journey started without kept events is not held: its first node runs at once', async () => {
    const handle = await start();
    await harness.env.sleep('30 seconds');
    const [invitation] = await harness.messagesOf(handle.workflowId);
    expect(invitation).toMatchObject({ channel: 'sms', template: 'screening-invitation' });
    const progress = await progressOf(handle);
    expect(progress).toMatchObject({ status: 'active', stage: 'invited' });
    expect(lines(progress, 'control').filter((line) => line.startsWith('Held'))).toEqual([]);
    const history = await handle.fetchHistory();
    // No hold timer: the first timer is the booking window's.
    const timers = history.events!.filter((event) => event.timerStartedEventAttributes);
    expect(
      timers.map((event) => event.timerStartedEventAttributes!.startToFireTimeout?.seconds?.toString()),
    ).not.toContain('120');
  });
});
