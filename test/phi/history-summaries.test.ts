import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import request from 'supertest';
import { ACTIVITY_SUMMARIES } from '../../workflows/activity-summaries';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { readStoredPayload } from '../helpers/test-payload-encryption';
import { uniqueName } from '../helpers/test-stack';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/*
 * Timers and activities carry human summaries (the SDK's user metadata), which the Temporal Web UI
 * shows beside their events instead of a bare timer number: read from a real journey's history.
 */
describe("a journey's timers and activities are named in its history, without patient data", () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  test('preventive outreach to a patient with no contact: the delivery, the staff call and the next step', async () => {
    const patientId = uniqueName('pat-summaries');
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'mammogram' } })
      .expect(201);
    const handle = stack.temporal.workflow.getHandle(body.id as string);
    const events = await eventually(
      async () => (await handle.fetchHistory()).events ?? [],
      (all) => all.some((event) => event.timerStartedEventAttributes),
      20_000,
    );

    const timers = await summariesOf(events.filter((event) => event.timerStartedEventAttributes));
    expect(timers.length).toBeGreaterThan(0);
    expect(timers[0]).toMatch(/^Outreach step \d+ of \d+: (message|staff-call)$/);

    const activities = new Map<string, string | undefined>();
    for (const event of events) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled) activities.set(scheduled.activityType!.name!, (await summariesOf([event]))[0]);
    }
    expect(activities.get('deliverMessage')).toBe(ACTIVITY_SUMMARIES.deliverMessage);
    expect(activities.get('createStaffTask')).toBe(ACTIVITY_SUMMARIES.createStaffTask);

    // Stored like every payload of a journey: encrypted, and about the step, never the patient.
    const stored = events.flatMap((event) =>
      event.userMetadata?.summary ? [event.userMetadata.summary] : [],
    );
    expect(stored.every((payload) => encodingOf(payload) === 'binary/encrypted')).toBe(true);
    const all = [...timers, ...activities.values()].join('\n');
    expect(all).not.toContain(patientId);
    expect(all).not.toContain('mammogram');
  }, 60_000);
});

async function summariesOf(events: HistoryEvent[]): Promise<string[]> {
  const summaries: string[] = [];
  for (const event of events) {
    const summary = event.userMetadata?.summary;
    if (summary) summaries.push(await readStoredPayload<string>(summary as Payload));
  }
  return summaries;
}

function encodingOf(payload: temporal.api.common.v1.IPayload): string {
  return Buffer.from(payload.metadata?.encoding ?? []).toString();
}
