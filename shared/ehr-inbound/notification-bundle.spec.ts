import type { Bundle, Parameters } from '@medplum/fhirtypes';
import { InboundRejection } from './inbound-rejection';
import { EHR_BASE, notificationBundle, observation } from './inbound.test-support';
import { focusResourceOf, parseNotificationBundle } from './notification-bundle';

const hba1c = observation('pat-1', '4548-4', 6.1, '%', '2025-05-30T08:00:00Z', 'obs-1');

function statusOf(bundle: Bundle): Parameters {
  return bundle.entry![0]!.resource as Parameters;
}

function rejectionOf(run: () => unknown): InboundRejection {
  try {
    run();
  } catch (error) {
    if (error instanceof InboundRejection) return error;
    throw error;
  }
  throw new Error('expected the bundle to be refused');
}

describe('parseNotificationBundle', () => {
  test('reads the subscription status and a full-resource event', () => {
    const bundle = notificationBundle({
      events: [{ number: 7, focus: hba1c, timestamp: '2025-05-30T08:05:00Z' }],
      eventsSinceSubscriptionStart: 7,
    });
    const notification = parseNotificationBundle(bundle);
    expect(notification).toMatchObject({
      subscription: `${EHR_BASE}/Subscription/carepath-events`,
      topic: 'https://carepath.dev/fhir/SubscriptionTopic/clinical-events',
      status: 'active',
      type: 'event-notification',
      eventsSinceSubscriptionStart: 7,
      payload: 'full-resource',
      events: [{ eventNumber: 7, timestamp: '2025-05-30T08:05:00Z', focus: `${EHR_BASE}/Observation/obs-1` }],
    });
    expect(focusResourceOf(notification.events[0]!, notification.resources)).toBe(hba1c);
  });

  test('infers id-only when the events name their focus but the bundle carries no resources', () => {
    const notification = parseNotificationBundle(
      notificationBundle({ payload: 'id-only', events: [{ number: 1, focus: hba1c }] }),
    );
    expect(notification.payload).toBe('id-only');
    expect(notification.resources).toEqual([]);
    expect(notification.events[0]!.focus).toBe(`${EHR_BASE}/Observation/obs-1`);
  });

  test('infers empty when events carry neither focus nor resources', () => {
    const notification = parseNotificationBundle(
      notificationBundle({ payload: 'empty', events: [{ number: 3, focus: hba1c }] }),
    );
    expect(notification.payload).toBe('empty');
    expect(notification.events).toEqual([
      { eventNumber: 3, timestamp: '2025-06-01T10:00:00Z', additionalContext: [] },
    ]);
  });

  test.each(['handshake', 'heartbeat'] as const)('a %s carries no events', (type) => {
    const notification = parseNotificationBundle(
      notificationBundle({ type, eventsSinceSubscriptionStart: 12 }),
    );
    expect(notification).toMatchObject({
      type,
      events: [],
      payload: 'empty',
      eventsSinceSubscriptionStart: 12,
    });
  });

  test('accepts STU 1.0 counters as unsignedInt', () => {
    const bundle = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    const parameter = statusOf(bundle).parameter!.find((p) => p.name === 'events-since-subscription-start')!;
    delete parameter.valueString;
    parameter.valueUnsignedInt = 41;
    expect(parseNotificationBundle(bundle).eventsSinceSubscriptionStart).toBe(41);
  });

  test('refuses a history bundle whose first entry is not the status Parameters', () => {
    const bundle = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    bundle.entry = bundle.entry!.slice(1);
    const rejection = rejectionOf(() => parseNotificationBundle(bundle));
    expect(rejection.message).toMatch(/must start with its subscription status/);
    expect(rejection.problems).toEqual([
      { field: 'Bundle.entry[0].resource', message: 'is a Observation, not the status Parameters' },
    ]);
    expect(
      rejectionOf(() => parseNotificationBundle({ resourceType: 'Bundle', type: 'history' })).problems[0]!
        .message,
    ).toMatch(/missing/);
  });

  test.each([
    ['subscription', /no "subscription" parameter/],
    ['type', /no "type" parameter/],
  ])('refuses a status without %s', (name, message) => {
    const bundle = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    const status = statusOf(bundle);
    status.parameter = status.parameter!.filter((parameter) => parameter.name !== name);
    expect(rejectionOf(() => parseNotificationBundle(bundle)).message).toMatch(message);
  });

  test('refuses an unknown notification type and an event without a usable number', () => {
    const unknownType = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    statusOf(unknownType).parameter!.find((p) => p.name === 'type')!.valueCode = 'ping';
    expect(rejectionOf(() => parseNotificationBundle(unknownType)).problems[0]!.message).toMatch(
      /"ping" is not one of/,
    );

    const noNumber = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    const event = statusOf(noNumber).parameter!.find((p) => p.name === 'notification-event')!;
    event.part = event.part!.filter((part) => part.name !== 'event-number');
    expect(rejectionOf(() => parseNotificationBundle(noNumber)).problems).toEqual([
      {
        field: 'Bundle.entry[0].resource.parameter:notification-event[0].part:event-number',
        message: 'is required',
      },
    ]);

    const badNumber = notificationBundle({ events: [{ number: 1, focus: hba1c }] });
    statusOf(badNumber).parameter!.find((p) => p.name === 'notification-event')!.part![0]!.valueString =
      'seven';
    expect(rejectionOf(() => parseNotificationBundle(badNumber)).message).toMatch(/not a whole number/);
  });
});
