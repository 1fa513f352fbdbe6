import type { Resource } from '@medplum/fhirtypes';
import type { EntityManager } from 'typeorm';
import type { EhrEvent } from '../../persistence/entities/ehr-event.entity';
import { clinicalTimeOf } from '../../contracts/ehr/clinical-time';
import { resourceKey } from '../../contracts/ehr/fhir-references';
import { storableResourceId } from './event-entries';
import { routeResource } from './route-resource';
import type { RoutingDecision } from './routing-decision';
import type { DefinitionJourneyRouter, DefinitionRouted } from './definition-journey-router';
import { WAITING_FOR_JOURNEY_DAYS, type InboxResult, type ResourceHistory } from './ehr-inbox';
import type { Dispatched, JourneyDispatcher, JourneyResult } from './journey-dispatcher';

/** The rule an event moved only by what journey definitions declare is recorded under. */
const DEFINITION_RULE = 'journey-definition';

/**
 * One stored EHR event's resource, routed under its inbox lock: by the coded journeys' rules
 * (the dispatcher) and by what published definitions declare, joined into what the inbox
 * records. The same for an event just received and for one kept from before its journey (HZ-35).
 */
export class EhrEventRouter {
  constructor(
    private readonly dispatcher: JourneyDispatcher,
    private readonly definitionJourneys: DefinitionJourneyRouter,
  ) {}

  /** `held`: journeys this event started that hold their first step for the patient's kept events. */
  async route(
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
