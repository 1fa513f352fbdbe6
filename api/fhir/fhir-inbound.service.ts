import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { Resource } from '@medplum/fhirtypes';
import type { Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { FINAL_EHR_EVENT_STATUSES, type EhrEvent } from '../../persistence/entities/ehr-event.entity';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { clinicalTimeOf, instantMs } from '../../contracts/ehr/clinical-time';
import { inboundEntriesOf, storableResourceId, type InboundEntry } from './inbound/event-entries';
import { resourceKey } from '../../contracts/ehr/fhir-references';
import { requireValidFhirResource } from './inbound/fhir-validation';
import { parseInboundBody } from './inbound/inbound-body';
import { InboundRejection } from './inbound/inbound-rejection';
import type { SubscriptionNotification } from './inbound/notification-bundle';
import { routeResource } from './inbound/route-resource';
import type { RoutingDecision } from './inbound/routing-decision';
import { DefinitionJourneyRouter, type DefinitionRouted } from './definition-journey-router';
import type { ApiErrorBody } from '../errors/api-error';
import { FHIR_CLIENT, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import type { EntryOutcomeView, InboundResultView, NotificationView } from './dto/inbound-result.view';
import {
  EhrInbox,
  WAITING_FOR_JOURNEY_DAYS,
  waitingSince,
  type InboxResult,
  type ResourceHistory,
  type ResourceIdentity,
} from './ehr-inbox.service';
import { loggableError } from '../errors/loggable-error';
import type { ReceiptAuditRow } from '../audit/audit-row-opening';
import { JourneyDispatcher, type Dispatched, type JourneyResult } from './journey-dispatcher.service';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import { releaseKeptEventsHold } from '../../shared/journeys/kept-events-release';

/** What an entry needs before it can be applied: its resource (read from the EHR for id-only events). */
type Resolution = { resource: Resource } | { ignore: string } | { retry: string };

interface PendingEntry {
  entry: InboundEntry;
  row: EhrEvent;
  resolution: Resolution;
}

export interface InboundResult {
  view: InboundResultView;
  /** Some entries could not be applied now: answer 503 so the sender delivers them again. */
  retryLater: boolean;
}

/**
 * EHR events in, exactly once: the body is checked whole (nothing is stored from a bad one),
 * every entry is stored in the inbox before any is applied, redeliveries are answered as
 * duplicates, and the rest are applied in clinical order, each in its own transaction.
 */
@Injectable()
export class FhirInboundService {
  private readonly logger = new Logger('FhirInbound');

  constructor(
    private readonly inbox: EhrInbox,
    private readonly dispatcher: JourneyDispatcher,
    private readonly definitionJourneys: DefinitionJourneyRouter,
    @Inject(FHIR_CLIENT) private readonly fhir: FhirClient | null,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly metrics: CarepathMetrics,
  ) {}

  /**
   * `auditRow`: the delivery's audit row, written by the first entry's store (or on its own when
   * there is none); nothing is reconciled or applied before it exists.
   */
  async receive(
    raw: Buffer | undefined,
    contentType: string | undefined,
    auditRow: ReceiptAuditRow,
  ): Promise<InboundResult> {
    const receivedAt = Date.now();
    const { notification, entries } = refuseBadInput(() =>
      inboundEntriesOf(parseInboundBody(raw, contentType)),
    );
    const stored = [];
    for (const entry of entries) stored.push({ entry, ...(await this.inbox.store(entry, auditRow.carry())) });
    await auditRow.written();
    // Gaps are read from the stored event numbers alone: reconciled beside the applying, which
    // changes no number, instead of after it.
    const reconciling = notification
      ? this.inbox.reconcileGaps(notification.subscription, {
          numbers: entries.flatMap((entry) => (entry.eventNumber === undefined ? [] : [entry.eventNumber])),
          latest: notification.eventsSinceSubscriptionStart,
        })
      : Promise.resolve(undefined);
    reconciling.catch(() => undefined); // awaited below; this only keeps an early failure handled

    const outcomes: EntryOutcomeView[] = [];
    const pending: PendingEntry[] = [];
    for (const { entry, row, fresh } of stored) {
      if (!fresh && FINAL_EHR_EVENT_STATUSES.includes(row.status)) {
        outcomes[entry.index] = duplicateOf(entry, row);
      } else {
        pending.push({ entry, row, resolution: await this.resolve(entry) });
      }
    }
    for (const item of inClinicalOrder(pending)) outcomes[item.entry.index] = await this.apply(item);

    const gaps = await reconciling;
    for (const { outcome } of outcomes) {
      this.metrics.eventsReceived.inc({ source: 'fhir' });
      this.metrics.eventHandled('fhir', outcome, receivedAt);
    }
    const retryLater = outcomes.some((outcome) => outcome.outcome === 'failed');
    this.logger.log(`EHR ${notification?.type ?? 'resources'}: ${summarize(outcomes)}`);
    return {
      retryLater,
      view: {
        ...(notification ? { notification: notificationView(notification) } : {}),
        entries: outcomes,
        ...(gaps && gaps.length > 0 ? { gaps } : {}),
        ...(retryLater
          ? { message: 'Some events could not be applied now; they are kept and applied when sent again.' }
          : {}),
      },
    };
  }

  /** The resource to route: carried in the request, or read from the EHR for id-only events. */
  private async resolve(entry: InboundEntry): Promise<Resolution> {
    if (entry.nothingToApply) return { ignore: entry.nothingToApply };
    if (entry.resource) return { resource: entry.resource };
    return this.readFromEhr(entry.fetch!);
  }

  /** Reads an event's focus from the EHR: the current version of `Type/id`. */
  private async readFromEhr(reference: string): Promise<Resolution> {
    if (!this.fhir) {
      return {
        ignore: `id-only event, but no EHR connection (FHIR_BASE_URL) is configured to read ${reference}`,
      };
    }
    let fetched: Resource | undefined;
    try {
      fetched = await this.fhir.readReference(reference);
    } catch (error) {
      // The message names the reference and the status, never the resource body.
      this.logger.warn(
        `Reading an id-only event's focus failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      return { retry: `the EHR could not be read for ${reference}; send the event again` };
    }
    if (!fetched) return { ignore: `${reference} is not in the EHR (not found or deleted)` };
    try {
      return { resource: requireValidFhirResource(fetched) };
    } catch (error) {
      const reason =
        error instanceof InboundRejection ? error.problems.map((p) => `${p.field}: ${p.message}`) : [];
      return { ignore: `the EHR returned an invalid ${fetched.resourceType}: ${reason.join('; ')}` };
    }
  }

  private async apply({ entry, row, resolution }: PendingEntry): Promise<EntryOutcomeView> {
    /** Journeys this event started that hold their first step for the patient's kept events. */
    const held: string[] = [];
    const base = baseView(entry, 'resource' in resolution ? resolution.resource : undefined);
    if ('retry' in resolution) {
      await this.inbox.process(row.id, async () => ({
        status: 'failed',
        outcome: { outcome: 'failed', reason: resolution.retry },
      }));
      return { ...base, outcome: 'failed', reason: resolution.retry };
    }
    try {
      const { row: result, alreadyFinal } = await this.inbox.process(
        row.id,
        (locked, manager, history) =>
          'ignore' in resolution
            ? Promise.resolve({
                status: 'ignored',
                outcome: { outcome: 'ignored', reason: resolution.ignore },
              })
            : this.route(resolution.resource, locked, manager, history, held),
        'resource' in resolution ? identityOf(resolution.resource) : undefined,
      );
      if (alreadyFinal) return duplicateOf(entry, result);
      const view = outcomeView(result);
      if (view.outcome === 'started' && result.patientRef)
        await this.deliverKeptEvents(result.patientRef, held);
      else for (const id of held) await this.release(id, 0);
      return { ...base, ...view };
    } catch (error) {
      // Temporal or the database failed: the row stays unapplied and the redelivery applies it.
      this.logger.error(`Applying an EHR event failed: ${loggableError(error)}`);
      // A journey it started anyway goes on now: its redelivery finds it running, not starting.
      for (const id of held) await this.release(id, 0);
      await this.inbox
        .process(row.id, async () => ({
          status: 'failed',
          outcome: { outcome: 'failed', reason: 'not applied yet' },
        }))
        .catch(() => undefined);
      return {
        ...base,
        outcome: 'failed',
        reason: 'could not be applied now (a service is unavailable); send it again',
      };
    }
  }

  /**
   * How many events are kept for the patient that a journey starting now would take: asked beside
   * the enrolment's other checks, so the journey holds its first step for them (HZ-35). None
   * without an EHR connection: kept events are read again from the EHR, or not applied at all.
   */
  keptEventsFor(patientRef: string): Promise<number> {
    return this.fhir ? this.inbox.countWaitingFor(patientRef, waitingSince()) : Promise.resolve(0);
  }

  /**
   * The kept events applied to the patient's new journey (`applyEventsThatCameFirst`), then each
   * journey started holding for them (`held`) released to take its first step: also when none
   * applied or the EHR could not be read, so a hold never outlives the request that started it.
   */
  async deliverKeptEvents(patientRef: string, held: readonly string[]): Promise<void> {
    let outcomes: EntryOutcomeView[] = [];
    try {
      outcomes = await this.applyEventsThatCameFirst(patientRef);
    } finally {
      for (const id of held) {
        const applied = outcomes.filter((outcome) =>
          outcome.journeys?.some((journey) => journey.id === id && journey.result === 'applied'),
        ).length;
        await this.release(id, applied);
      }
    }
  }

  /** A failed release is logged, not thrown: the journey's hold times out on its own (HZ-35). */
  private async release(workflowId: string, applied: number): Promise<void> {
    try {
      await releaseKeptEventsHold(this.temporal, workflowId, applied);
    } catch (error) {
      this.logger.warn(`Releasing a journey held for kept EHR events failed: ${loggableError(error)}`);
    }
  }

  /**
   * Events that came before the patient's journey started (see WAITING_FOR_JOURNEY_DAYS), applied
   * now that it has, earliest clinical time first: by an EHR event here, and by the API's
   * enrolment (HZ-35). The inbox keeps no resources, so each is read again from the EHR; without
   * an EHR connection they are applied when the EHR sends them again. An event the EHR cannot be
   * read for now stays waiting for the patient's next journey start, rather than being lost.
   */
  private async applyEventsThatCameFirst(patientRef: string): Promise<EntryOutcomeView[]> {
    if (!this.fhir) return [];
    const since = waitingSince().getTime();
    const waiting = (await this.inbox.waitingFor(patientRef)).filter(
      (row) => row.receivedAt.getTime() >= since && row.resourceType && row.resourceId,
    );
    const outcomes: EntryOutcomeView[] = [];
    for (const row of waiting) {
      const resolution = await this.readFromEhr(`${row.resourceType}/${row.resourceId}`);
      if ('retry' in resolution) continue;
      const entry: InboundEntry = {
        index: outcomes.length,
        source: row.source as InboundEntry['source'],
        dedupeKey: row.dedupeKey,
      };
      outcomes.push(await this.apply({ entry, row, resolution }));
    }
    if (waiting.length > 0)
      this.logger.log(
        `EHR events that came before the journey: ${summarize(outcomes)}` +
          (outcomes.length < waiting.length
            ? `; ${waiting.length - outcomes.length} left waiting (EHR unreadable)`
            : ''),
      );
    return outcomes;
  }

  private async route(
    resource: Resource,
    row: EhrEvent,
    manager: EntityManager,
    history: ResourceHistory,
    held: string[],
  ): Promise<InboxResult> {
    const key = resourceKey(resource);
    const id = storableResourceId(resource);
    const version = resource.meta?.versionId;
    const effectiveAt = clinicalTimeOf(resource);
    const identity = {
      resource: { type: resource.resourceType, ...(id ? { id } : {}), ...(version ? { version } : {}) },
      ...(effectiveAt ? { effectiveAt } : {}),
    };
    if (history.sameVersionApplied) {
      return {
        ...identity,
        status: 'ignored',
        outcome: {
          outcome: 'duplicate',
          reason: `${key} version ${version} was received before as another event`,
        },
      };
    }
    const previous = history.lastAppliedEvent;
    const decision = routeResource(resource, { previous });
    const dispatch = {
      manager,
      rowId: row.id,
      ...(key ? { resourceKey: key } : {}),
      updateId: `ehr-event-${row.id}`,
      held,
    };
    // The definitions are read while the coded journeys are moved: neither needs the other. A
    // failed move still waits for the read, so nothing of this event outlives its request.
    const reading = this.definitionJourneys.definitionsFor(resource, history.publishedDefinitionVersions);
    reading.catch(() => undefined); // awaited below; this only keeps an early failure handled
    let coded: Dispatched | undefined;
    try {
      coded = decision.kind === 'ignore' ? undefined : await this.dispatcher.dispatch(decision, dispatch);
    } catch (error) {
      await reading.catch(() => undefined);
      throw error;
    }
    const defined = await this.definitionJourneys.route(resource, await reading, dispatch);
    if (!defined.considered)
      return coded && decision.kind !== 'ignore'
        ? this.dispatchedResult(identity, decision, coded)
        : ignoredResult(identity, decision);
    return this.withDefinitionJourneys(identity, decision, coded, defined);
  }

  private dispatchedResult(
    identity: Partial<InboxResult>,
    decision: Exclude<RoutingDecision, { kind: 'ignore' }>,
    dispatched: Dispatched,
  ): InboxResult {
    return {
      ...identity,
      patientRef: this.dispatcher.patientRefOf(decision.patientId),
      status: statusOf(dispatched),
      journeyIds: dispatched.journeys.map((journey) => journey.id),
      outcome: {
        outcome: dispatched.outcome,
        rule: decision.rule,
        ...(dispatched.reason
          ? {
              reason: dispatched.beforeJourney
                ? `${dispatched.reason}; kept, and applied if such a journey starts within ${WAITING_FOR_JOURNEY_DAYS} days`
                : dispatched.reason,
            }
          : {}),
        journeys: dispatched.journeys,
        ...(dispatched.event ? { event: dispatched.event } : {}),
        ...(dispatched.details ? { details: dispatched.details } : {}),
      },
    };
  }

  /**
   * The coded journeys' outcome joined with the definition journeys': applied when either moved
   * a journey; otherwise held, with both reasons recorded (never sent to a journey it is not
   * linked to).
   */
  private withDefinitionJourneys(
    identity: Partial<InboxResult>,
    decision: RoutingDecision,
    coded: Dispatched | undefined,
    defined: DefinitionRouted,
  ): InboxResult {
    const codedResult =
      coded && decision.kind !== 'ignore' ? this.dispatchedResult(identity, decision, coded) : undefined;
    const base = codedResult ?? ignoredResult(identity, decision);
    const codedOutcome = base.outcome as {
      outcome: string;
      reason?: string;
      journeys?: JourneyResult[];
      event?: unknown;
    };
    const movedDefinition = defined.journeys.some((journey) => journey.result === 'applied');
    const patientId = decision.kind === 'ignore' ? defined.patientId : decision.patientId;
    const reasons = [
      ...(codedOutcome.outcome === 'ignored' && codedOutcome.reason ? [codedOutcome.reason] : []),
      ...(defined.held.length > 0 ? [`journey definitions: ${defined.held.join('; ')}`] : []),
    ];
    const journeys = [...(codedOutcome.journeys ?? []), ...defined.journeys];
    const applied = codedOutcome.outcome !== 'ignored' || movedDefinition;
    // A declared event no journey is linked to yet may come before its enrolment (HZ-35).
    const definitionsWait = defined.waitsForJourney && base.status !== 'waiting';
    if (definitionsWait && !applied)
      reasons.push(`kept, and applied if such a journey starts within ${WAITING_FOR_JOURNEY_DAYS} days`);
    return {
      ...base,
      ...(patientId ? { patientRef: this.dispatcher.patientRefOf(patientId) } : {}),
      status: applied ? 'applied' : base.status === 'waiting' || definitionsWait ? 'waiting' : 'ignored',
      journeyIds: journeys.map((journey) => journey.id),
      outcome: {
        ...codedOutcome,
        outcome:
          codedOutcome.outcome !== 'ignored' ? codedOutcome.outcome : movedDefinition ? 'applied' : 'ignored',
        rule: decision.rule ?? DEFINITION_RULE,
        ...(reasons.length > 0 && !applied ? { reason: reasons.join('; ') } : {}),
        ...(applied && defined.held.length > 0 ? { reason: reasons.join('; ') } : {}),
        journeys,
        ...(codedOutcome.event ? {} : defined.event ? { event: defined.event } : {}),
      },
    };
  }
}

/** What the inbox finds the resource's other events by: its type, storable id and version. */
function identityOf(resource: Resource): ResourceIdentity {
  const id = storableResourceId(resource);
  const version = resource.meta?.versionId;
  return { type: resource.resourceType, ...(id ? { id } : {}), ...(id && version ? { version } : {}) };
}

/** The rule an event moved only by what journey definitions declare is recorded under. */
const DEFINITION_RULE = 'journey-definition';

function ignoredResult(identity: Partial<InboxResult>, decision: RoutingDecision): InboxResult {
  return {
    ...identity,
    status: 'ignored',
    outcome: {
      outcome: 'ignored',
      ...(decision.kind === 'ignore' ? { reason: decision.reason } : {}),
      ...(decision.rule ? { rule: decision.rule } : {}),
    },
  };
}

function statusOf(dispatched: Dispatched): InboxResult['status'] {
  if (dispatched.outcome !== 'ignored') return 'applied';
  return dispatched.beforeJourney ? 'waiting' : 'ignored';
}

/** A bad body is one 400 (or 415) naming what is wrong; nothing of it was stored. */
function refuseBadInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InboundRejection)) throw error;
    throw new HttpException(
      { message: error.message, errors: error.problems } satisfies ApiErrorBody,
      error.status,
    );
  }
}

/** Clinical time first (a result sent late still goes before a later one), then arrival order. */
function inClinicalOrder(pending: PendingEntry[]): PendingEntry[] {
  const timeOf = (item: PendingEntry) =>
    'resource' in item.resolution ? instantMs(clinicalTimeOf(item.resolution.resource)) : undefined;
  return pending
    .map((item, position) => ({ item, position, at: timeOf(item) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.position - b.position)
    .map(({ item }) => item);
}

function baseView(entry: InboundEntry, resource: Resource | undefined): Omit<EntryOutcomeView, 'outcome'> {
  const name =
    (resource && resourceKey(resource)) ?? entry.fetch ?? (entry.resource && resourceKey(entry.resource));
  return {
    entry: entry.index,
    ...(entry.eventNumber !== undefined ? { eventNumber: entry.eventNumber } : {}),
    ...(name ? { resource: name } : {}),
  };
}

function outcomeView(row: EhrEvent): Pick<EntryOutcomeView, 'outcome' | 'reason' | 'rule' | 'journeys'> {
  const outcome = (row.outcome ?? {}) as {
    outcome?: EntryOutcomeView['outcome'];
    reason?: string;
    rule?: string;
    journeys?: EntryOutcomeView['journeys'];
  };
  return {
    outcome: outcome.outcome ?? (row.status === 'applied' ? 'applied' : 'ignored'),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.rule ? { rule: outcome.rule } : {}),
    ...(outcome.journeys?.length ? { journeys: outcome.journeys } : {}),
  };
}

function duplicateOf(entry: InboundEntry, row: EhrEvent): EntryOutcomeView {
  const first = outcomeView(row);
  return {
    ...baseView(entry, entry.resource),
    outcome: 'duplicate',
    reason: `received before (${row.receivedAt.toISOString()}) and ${first.outcome === 'duplicate' ? 'ignored' : first.outcome} then; nothing changed`,
    ...(first.rule ? { rule: first.rule } : {}),
  };
}

function notificationView(notification: SubscriptionNotification): NotificationView {
  return {
    type: notification.type,
    subscription: notification.subscription,
    ...(notification.topic ? { topic: notification.topic } : {}),
    payload: notification.payload,
    ...(notification.eventsSinceSubscriptionStart !== undefined
      ? { eventsSinceSubscriptionStart: notification.eventsSinceSubscriptionStart }
      : {}),
  };
}

/** Counts only: outcomes name resources and patients' journeys, which stay out of the log. */
function summarize(outcomes: EntryOutcomeView[]): string {
  if (outcomes.length === 0) return 'acknowledged';
  const counts = new Map<string, number>();
  for (const { outcome } of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}
