import type { Bundle, ParametersParameter, Resource } from '@medplum/fhirtypes';
import { InboundRejection } from './inbound-rejection';
import { referenceKey, resourceKey } from '../../contracts/ehr/fhir-references';

/*
 * FHIR R4 topic-based subscription notifications, as the HL7 "Subscriptions R5 Backport" IG
 * (STU 1.1) defines them: a Bundle of type `history` whose first entry is a Parameters resource
 * (profile backport-subscription-status-r4) describing the subscription and the events carried.
 */

export const NOTIFICATION_TYPES = [
  'handshake',
  'heartbeat',
  'event-notification',
  'query-status',
  'query-event',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What the notification carries: nothing, references to read back, or the resources themselves. */
export type PayloadContent = 'empty' | 'id-only' | 'full-resource';

export interface NotificationEvent {
  /** Counts events since the subscription started: what duplicates and gaps are judged by. */
  eventNumber: number;
  timestamp?: string;
  /** The resource the event is about (a literal reference), absent in `empty` payloads. */
  focus?: string;
  additionalContext: string[];
}

export interface SubscriptionNotification {
  /** The subscription's reference as the EHR gave it (absolute URLs keep events of two EHRs apart). */
  subscription: string;
  topic?: string;
  status?: string;
  type: NotificationType;
  eventsSinceSubscriptionStart?: number;
  events: NotificationEvent[];
  /** The resources after the status entry (full-resource payloads), focus and context alike. */
  resources: Resource[];
  payload: PayloadContent;
}

/** A Bundle of type `history` is how the backport IG delivers notifications in R4. */
export function isNotificationBundle(bundle: Bundle): boolean {
  return bundle.type === 'history';
}

/** Events that carry events (the rest are acknowledged and have no effect). */
export function carriesEvents(notification: SubscriptionNotification): boolean {
  return notification.type === 'event-notification' || notification.type === 'query-event';
}

/** Reads the status Parameters and the payload of a notification Bundle; refuses one without them. */
export function parseNotificationBundle(bundle: Bundle): SubscriptionNotification {
  const [statusEntry, ...resourceEntries] = bundle.entry ?? [];
  const status = statusEntry?.resource;
  if (status?.resourceType !== 'Parameters') {
    throw new InboundRejection(
      'A subscription notification (a Bundle of type "history") must start with its subscription status: ' +
        'a Parameters resource in entry[0].',
      [
        {
          field: 'Bundle.entry[0].resource',
          message: status
            ? `is a ${status.resourceType}, not the status Parameters`
            : 'is missing: no status Parameters',
        },
      ],
    );
  }
  const resources = resourceEntries.flatMap((entry) => (entry.resource ? [entry.resource] : []));
  const parameters = status.parameter ?? [];
  const subscription = single(parameters, 'subscription')?.valueReference?.reference;
  if (!subscription) throw missingParameter('subscription', 'a valueReference to the Subscription');
  const type = single(parameters, 'type')?.valueCode;
  if (!type) throw missingParameter('type', `a valueCode: ${NOTIFICATION_TYPES.join(', ')}`);
  if (!isNotificationType(type)) {
    throw new InboundRejection('The notification type is not one of the backport IG.', [
      { field: parameterField('type'), message: `"${type}" is not one of ${NOTIFICATION_TYPES.join(', ')}` },
    ]);
  }
  const eventsSince = single(parameters, 'events-since-subscription-start');
  const events = parameters
    .filter((parameter) => parameter.name === 'notification-event')
    .map((parameter, index) => notificationEvent(parameter, index));
  return {
    subscription,
    ...optional(
      'topic',
      single(parameters, 'topic')?.valueCanonical ?? single(parameters, 'topic')?.valueUri,
    ),
    ...optional('status', single(parameters, 'status')?.valueCode),
    type,
    ...optional(
      'eventsSinceSubscriptionStart',
      eventsSince && counter(eventsSince, parameterField('events-since-subscription-start')),
    ),
    events,
    resources,
    payload: payloadOf(events, resources),
  };
}

/**
 * The payload level is not stated in the bundle; it shows in what is there: resources mean
 * full-resource, focus references alone mean id-only, neither means empty.
 */
function payloadOf(events: NotificationEvent[], resources: Resource[]): PayloadContent {
  if (resources.length > 0) return 'full-resource';
  return events.some((event) => event.focus) ? 'id-only' : 'empty';
}

/** The resource an event's focus points at, when the bundle carries it. */
export function focusResourceOf(
  event: NotificationEvent,
  resources: readonly Resource[],
): Resource | undefined {
  const focus = referenceKey(event.focus);
  return focus === undefined ? undefined : resources.find((resource) => resourceKey(resource) === focus);
}

function notificationEvent(parameter: ParametersParameter, index: number): NotificationEvent {
  const parts = parameter.part ?? [];
  const field = `${parameterField('notification-event')}[${index}]`;
  const number = single(parts, 'event-number');
  if (!number) {
    throw new InboundRejection('Every notification-event needs its event-number.', [
      { field: `${field}.part:event-number`, message: 'is required' },
    ]);
  }
  return {
    eventNumber: counter(number, `${field}.part:event-number`),
    ...optional('timestamp', single(parts, 'timestamp')?.valueInstant),
    ...optional('focus', single(parts, 'focus')?.valueReference?.reference),
    additionalContext: parts
      .filter((part) => part.name === 'additional-context')
      .flatMap((part) => (part.valueReference?.reference ? [part.valueReference.reference] : [])),
  };
}

/** Event counters are strings in STU 1.1 (R4 has no 64-bit integer) and unsigned ints in 1.0. */
function counter(parameter: ParametersParameter, field: string): number {
  const raw =
    parameter.valueString ??
    parameter.valueUnsignedInt ??
    parameter.valuePositiveInt ??
    parameter.valueInteger;
  const text = raw === undefined ? '' : String(raw).trim();
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new InboundRejection('An event counter is not a whole number.', [
      { field, message: 'must be a non-negative whole number (valueString or valueUnsignedInt)' },
    ]);
  }
  return value;
}

function single(parameters: readonly ParametersParameter[], name: string): ParametersParameter | undefined {
  return parameters.find((parameter) => parameter.name === name);
}

function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

function parameterField(name: string): string {
  return `Bundle.entry[0].resource.parameter:${name}`;
}

function missingParameter(name: string, expected: string): InboundRejection {
  return new InboundRejection(`The subscription status has no "${name}" parameter.`, [
    { field: parameterField(name), message: `is required: ${expected}` },
  ]);
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
