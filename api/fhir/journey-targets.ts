import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import type { JourneyTarget } from '../../activities/ehr/inbound/routing-decision';
import type { JourneyStarter } from '../../activities/journeys/journey-starter';
import { findJourneyType, findJourneyTypeByWorkflow, type JourneyType } from '../../workflows/journey-types';
import { journeyTypeKey, patientRefKey } from '../../workflows/search-attributes';
import type { EhrInbox } from './ehr-inbox.service';

export interface TargetJourney {
  id: string;
  type: JourneyType;
  running: boolean;
}

/**
 * Finds the journeys a routed event is for (see JourneyTarget): the inbox knows which journeys
 * a resource was applied to, the JourneyStarter derives a patient's deterministic journey ids,
 * and Temporal's visibility lists the patient's running journeys by their opaque reference.
 */
export class JourneyTargets {
  constructor(
    private readonly temporal: Client,
    private readonly starter: JourneyStarter,
    private readonly inbox: EhrInbox,
  ) {}

  /**
   * The journeys an event is for: linked ones, else the patient's declared instances and running
   * journeys together. Every step comes from the journeys' trigger declarations (see
   * JourneyTarget); none picks "the patient's only running journey" for an unlinked event.
   */
  async resolve(
    target: JourneyTarget,
    patientId: string,
    context: { manager: EntityManager; rowId: string },
    takes: (type: JourneyType) => boolean,
  ): Promise<TargetChoice> {
    const linkedIds = await this.inbox.journeysLinkedTo(context.manager, target.linkedTo, context.rowId);
    const linked = (await Promise.all(linkedIds.map((id) => this.describe(id)))).filter(
      (journey): journey is TargetJourney => journey !== undefined,
    );
    if (linked.some((journey) => takes(journey.type))) {
      return pickTargets(target, { linked, instances: [], running: [] }, takes);
    }

    const instances: TargetJourney[] = [];
    for (const instance of target.instances) {
      const type = findJourneyType(instance.journey)!;
      const journey = await this.describe(this.starter.workflowIdFor(type, patientId, instance.params));
      if (journey) instances.push(journey);
    }
    const running = target.running ? await this.runningJourneys(patientId, target.running.journeys) : [];
    return pickTargets(target, { linked, instances, running }, takes);
  }

  async describe(workflowId: string): Promise<TargetJourney | undefined> {
    const handle: WorkflowHandle = this.temporal.workflow.getHandle(workflowId);
    try {
      const description = await handle.describe();
      const type = findJourneyTypeByWorkflow(description.type);
      return type && { id: workflowId, type, running: description.status.name === 'RUNNING' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  private async runningJourneys(patientId: string, journeyIds: string[]): Promise<TargetJourney[]> {
    // Values are a journey type id from the rules and a hex hash: nothing can break the quoting.
    const query = [
      `${patientRefKey.name} = '${this.starter.patientRefOf(patientId)}'`,
      `${journeyTypeKey.name} IN (${journeyIds.map((id) => `'${id}'`).join(', ')})`,
      `ExecutionStatus = 'Running'`,
    ].join(' AND ');
    const found: TargetJourney[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const type = findJourneyTypeByWorkflow(execution.type);
      if (type) found.push({ id: execution.workflowId, type, running: true });
    }
    return found;
  }
}

export type TargetChoice = { targets: TargetJourney[] } | { none: string; beforeJourney?: boolean };

/**
 * Which of the journeys found for a target take the event (no I/O: the property tests run it).
 * Linked journeys win, even ended ones: an event about a resource tied to a journey belongs to it.
 * Otherwise the running declared instances and running journeys of declared types, all of them.
 */
export function pickTargets(
  target: JourneyTarget,
  found: { linked: TargetJourney[]; instances: TargetJourney[]; running: TargetJourney[] },
  takes: (type: JourneyType) => boolean,
): TargetChoice {
  const linked = found.linked.filter((journey) => takes(journey.type));
  if (linked.length > 0) return { targets: linked };
  const targets = new Map<string, TargetJourney>();
  for (const journey of [...found.instances, ...found.running]) {
    if (journey.running && takes(journey.type)) targets.set(journey.id, journey);
  }
  if (targets.size > 0) return { targets: [...targets.values()] };
  if (target.ifNone) return { none: target.ifNone };
  const names = [
    ...new Set([
      ...target.instances.map((instance) => instance.journey),
      ...(target.running?.journeys ?? []),
    ]),
  ];
  return {
    none: `no running ${names.join(' or ') || 'linked'} journey for this patient takes it`,
    // It may have come before the event that starts the journey: kept for when that arrives.
    beforeJourney: true,
  };
}
