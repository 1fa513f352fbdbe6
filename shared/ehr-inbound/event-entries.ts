import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { InboundRejection } from './inbound-rejection';
import {
  carriesEvents,
  focusResourceOf,
  isNotificationBundle,
  parseNotificationBundle,
  type PayloadContent,
  type SubscriptionNotification,
} from './notification-bundle';

/** Where an entry came from: a subscription notification, a bundle an engine posted, or one resource. */
export type EntrySource = 'subscription' | 'transaction' | 'batch' | 'collection' | 'resource';

/** One thing that happened in the EHR, as the inbox stores it and routing applies it. */
export interface InboundEntry {
  /** Position in the request: the answer lists outcomes in this order. */
  index: number;
  /**
   * What makes a redelivery recognisable: the subscription and event number, else the
   * resource version (`Observation/1/_history/3`), else a hash of the resource's content.
   */
  dedupeKey: string;
  source: EntrySource;
  subscription?: string;
  topic?: string;
  eventNumber?: number;
  eventTimestamp?: string;
  payload?: PayloadContent;
  /** The resource to route: a full-resource payload, a posted resource or bundle entry. */
  resource?: Resource;
  /** An id-only payload: the reference to read from the EHR before routing. */
  fetch?: string;
  /** Set when nothing can be applied whatever the state (an empty event, a DELETE): why. */
  nothingToApply?: string;
}

export interface InboundBody {
  /** Present for subscription notifications (handshakes and heartbeats carry no entries). */
  notification?: SubscriptionNotification;
  entries: InboundEntry[];
}

const ENGINE_BUNDLE_TYPES = ['transaction', 'batch', 'collection'] as const;
type EngineBundleType = (typeof ENGINE_BUNDLE_TYPES)[number];

/**
 * Every body the webhook accepts, as a list of entries: a backport notification (one entry per
 * notification-event), a transaction, batch or collection Bundle from an integration engine (one
 * per resource), or a single resource.
 */
export function inboundEntriesOf(body: Resource): InboundBody {
  if (body.resourceType === 'Bundle') {
    if (!isNotificationBundle(body)) return { entries: engineBundleEntries(body) };
    const notification = parseNotificationBundle(body);
    return { notification, entries: carriesEvents(notification) ? notificationEntries(notification) : [] };
  }
  return { entries: [resourceEntry(body, 0, 'resource')] };
}

/**
 * `Observation/1/_history/3`, when the resource says which version it is. Never for a Patient:
 * its id is the patient id, which stays out of the inbox (a Patient is keyed by its content).
 */
export function resourceVersionKey(resource: Resource): string | undefined {
  const version = resource.meta?.versionId;
  if (resource.resourceType === 'Patient' || !resource.id || !version) return undefined;
  return `${resource.resourceType}/${resource.id}/_history/${version}`;
}

/** The id the inbox may keep for a resource: none for a Patient, whose id is the patient id. */
export function storableResourceId(resource: Resource): string | undefined {
  return resource.resourceType === 'Patient' ? undefined : resource.id;
}

/** The same content always hashes alike, whatever the key order it was serialised in. */
export function contentKey(resource: Resource): string {
  return `content|${createHash('sha256').update(stableJson(resource)).digest('hex')}`;
}

function notificationEntries(notification: SubscriptionNotification): InboundEntry[] {
  const { subscription, topic, payload, events, resources } = notification;
  const context = { source: 'subscription' as const, subscription, payload, ...(topic ? { topic } : {}) };
  if (events.length === 0) {
    // STU 1.0 senders may omit notification-event; the counter then numbers the single event.
    const number = notification.eventsSinceSubscriptionStart;
    if (resources.length > 0) {
      return resources.map((resource, index) => ({
        ...resourceEntry(resource, index, 'subscription'),
        ...context,
        ...(number !== undefined && resources.length === 1 ? eventKey(subscription, number) : {}),
      }));
    }
    if (number === undefined) {
      throw new InboundRejection(
        'The event notification says neither which events it carries nor their number.',
        [
          {
            field: 'Bundle.entry[0].resource.parameter:notification-event',
            message: 'is required in an event-notification (with its event-number)',
          },
        ],
      );
    }
    return [{ index: 0, ...context, ...eventKey(subscription, number), nothingToApply: emptyReason }];
  }
  return events.map((event, index) => {
    const resource = focusResourceOf(event, resources);
    const base = {
      index,
      ...context,
      ...eventKey(subscription, event.eventNumber),
      ...(event.timestamp ? { eventTimestamp: event.timestamp } : {}),
    };
    if (resource) return { ...base, payload: 'full-resource', resource };
    if (event.focus) return { ...base, payload: 'id-only', fetch: event.focus };
    return { ...base, payload: 'empty', nothingToApply: emptyReason };
  });
}

const emptyReason =
  'empty payload: the notification says an event happened but not which resource, so there is nothing to apply ' +
  '(subscribe with id-only or full-resource content to have events applied)';

function eventKey(subscription: string, eventNumber: number): { dedupeKey: string; eventNumber: number } {
  return { dedupeKey: `event|${subscription}|${eventNumber}`, eventNumber };
}

function engineBundleEntries(bundle: Bundle): InboundEntry[] {
  const type = bundle.type;
  if (!isEngineBundleType(type)) {
    throw new InboundRejection(
      `A Bundle of type "${type}" is not accepted: send a subscription notification (type "history" with its ` +
        'status Parameters first), or a transaction, batch or collection Bundle.',
      [{ field: 'Bundle.type', message: `must be history, ${ENGINE_BUNDLE_TYPES.join(', ')}` }],
    );
  }
  return (bundle.entry ?? []).map((entry, index) => engineEntry(entry, index, type));
}

function engineEntry(entry: BundleEntry, index: number, type: EngineBundleType): InboundEntry {
  const method = entry.request?.method;
  const resource = entry.resource;
  if (method === 'DELETE' || method === 'GET' || method === 'HEAD' || method === 'PATCH' || !resource) {
    const what = method ? `${method} ${entry.request?.url ?? ''}`.trim() : 'an entry without a resource';
    return {
      index,
      source: type,
      // Nothing will be applied, so a key that repeats for the same request line is enough.
      dedupeKey: `request|${createHash('sha256').update(what).digest('hex')}`,
      nothingToApply: `${what}: only created or updated resources are events (deletions, reads and patches are not applied)`,
    };
  }
  return resourceEntry(resource, index, type);
}

function resourceEntry(resource: Resource, index: number, source: EntrySource): InboundEntry {
  const version = resourceVersionKey(resource);
  return { index, source, dedupeKey: version ? `version|${version}` : contentKey(resource), resource };
}

function isEngineBundleType(type: string | undefined): type is EngineBundleType {
  return (ENGINE_BUNDLE_TYPES as readonly (string | undefined)[]).includes(type);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
