import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { deliveryChannels } from '../../contracts/delivery-channels';
import { journeyTypes } from '../../workflows/journey-types';

/**
 * Carepath's own Prometheus metrics, declared once for both processes: each increments what it
 * does (the API enrols and receives events; the worker delivers, raises staff tasks and enrols
 * the cohort finder's patients) and Prometheus adds the two up.
 *
 * Labels hold only values the code itself declares (journey types, channels, outcomes, task kinds
 * and priorities): `boundedLabel` turns anything else into `other`, so no patient id, pseudonym,
 * journey id or name can become a label value (safety invariant 6), and the series stay few.
 */
export class CarepathMetrics {
  readonly registry = new Registry();

  readonly journeysStarted = new Counter({
    name: 'carepath_journeys_started_total',
    help: 'Enrolments asked for, by journey type and outcome (created, already-running, invalid-params, settings-mismatch).',
    labelNames: ['journey_type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly eventsReceived = new Counter({
    name: 'carepath_events_received_total',
    help: 'Events received for journeys, by source (fhir: one per FHIR entry; api: POST /api/journeys/{id}/events).',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly eventsHandled = new Counter({
    name: 'carepath_events_handled_total',
    help: 'Events received for journeys, by source and outcome (applied, started, ignored, duplicate, refused, failed...).',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly eventToEffect = new Histogram({
    name: 'carepath_event_to_effect_seconds',
    help: 'From an event reaching the API to the journey having applied it (or refused it), by source and outcome.',
    labelNames: ['source', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly messages = new Counter({
    name: 'carepath_messages_total',
    help: 'Delivery attempts of patient messages, by channel and outcome (sent, already-sent, deferred, rejected, unreachable, deceased).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly staffTasksOpened = new Counter({
    name: 'carepath_staff_tasks_opened_total',
    help: 'Staff tasks put in the work queue, by kind and priority (a retried step that finds its task is not counted).',
    labelNames: ['kind', 'priority'] as const,
    registers: [this.registry],
  });

  readonly deadlineBreaches = new Counter({
    name: 'carepath_deadline_breaches_total',
    help: 'Deadlines a journey missed (each raises a deadline-breach staff task), by journey type.',
    labelNames: ['journey_type'] as const,
    registers: [this.registry],
  });

  readonly httpRequests = new Histogram({
    name: 'carepath_http_request_duration_seconds',
    help: 'API requests by method, route pattern (never the URL: it may name a patient) and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /**
   * Node's own metrics (CPU, memory, event loop lag, GC), labelled `carepath_process` (`api` or
   * `worker`). Once per process, from its main: each call adds observers that live as long as it.
   */
  collectProcessMetrics(process: 'api' | 'worker'): void {
    collectDefaultMetrics({ register: this.registry, labels: { carepath_process: process } });
  }

  journeyStarted(journeyType: string, outcome: JourneyStartOutcome): void {
    this.journeysStarted.inc({ journey_type: journeyTypeLabel(journeyType), outcome });
  }

  eventHandled(source: EventSource, outcome: string, receivedAt: number): void {
    const labels = { source, outcome: boundedLabel(outcome) };
    this.eventsHandled.inc(labels);
    this.eventToEffect.observe(labels, (Date.now() - receivedAt) / 1000);
  }

  messageAttempted(channel: string | undefined, outcome: string): void {
    const known = channel && (deliveryChannels as readonly string[]).includes(channel) ? channel : 'none';
    this.messages.inc({ channel: known, outcome: boundedLabel(outcome) });
  }

  staffTaskOpened(kind: string, priority: string, journeyType: string | undefined): void {
    this.staffTasksOpened.inc({ kind: boundedLabel(kind), priority: boundedLabel(priority) });
    if (kind === DEADLINE_BREACH_TASK_KIND) {
      this.deadlineBreaches.inc({ journey_type: journeyTypeLabel(journeyType) });
    }
  }

  /** `route`: the pattern the request matched (`/api/journeys/:id`); undefined when none did. */
  httpRequestServed(method: string, route: string | undefined, status: number, seconds: number): void {
    this.httpRequests.observe(
      {
        method: HTTP_METHODS.includes(method) ? method : 'other',
        route: route && ROUTE_PATTERN.test(route) ? route : 'other',
        status: String(status),
      },
      seconds,
    );
  }

  /** The exposition Prometheus scrapes. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}

export type JourneyStartOutcome = 'created' | 'already-running' | 'invalid-params' | 'settings-mismatch';
export type EventSource = 'fhir' | 'api';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Literal segments and `:parameters`, as routes are declared; a concrete URL's ids have digits or dots. */
export const ROUTE_PATTERN = /^(\/([a-z]+(-[a-z]+)*|:[a-zA-Z]+))+$/;

/** The staff task a journey raises when one of its deadlines passes (safety invariant 4). */
export const DEADLINE_BREACH_TASK_KIND = 'deadline-breach';

/** Whatever is not a registered journey type is `other`: a label never carries a caller's text. */
export function journeyTypeLabel(journeyType: string | undefined): string {
  return journeyType && journeyTypes.some((type) => type.id === journeyType) ? journeyType : 'other';
}

/**
 * A value the code declares (an outcome, a task kind) is short lowercase words with dashes;
 * anything else (a number, an id with digits or a hash, a name) is `other`.
 */
export function boundedLabel(value: string | undefined): string {
  return value && /^[a-z]+(-[a-z]+)*$/.test(value) && value.length <= 40 ? value : 'other';
}
