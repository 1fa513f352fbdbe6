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

  /** The journeys an event is for: linked ones, else the patient's deterministic instance, else the running ones. */
  async resolve(
    target: JourneyTarget,
    patientId: string,
    context: { manager: EntityManager; rowId: string },
    takes: (type: JourneyType) => boolean,
  ): Promise<{ targets: TargetJourney[] } | { none: string; beforeJourney?: boolean }> {
    const linkedIds = await this.inbox.journeysLinkedTo(context.manager, target.linkedTo, context.rowId);
    const linked = (await Promise.all(linkedIds.map((id) => this.describe(id)))).filter(
      (journey): journey is TargetJourney => journey !== undefined && takes(journey.type),
    );
    // An event about a resource tied to a journey belongs to that journey, even if it has ended.
    if (linked.length > 0) return { targets: linked };

    const instances: TargetJourney[] = [];
    for (const instance of target.instances) {
      const type = findJourneyType(instance.journey)!;
      const journey = await this.describe(this.starter.workflowIdFor(type, patientId, instance.params));
      if (journey?.running && takes(journey.type)) instances.push(journey);
    }
    if (instances.length > 0) return { targets: instances };

    const wanted = target.running;
    const running = wanted ? await this.runningJourneys(patientId, wanted.journeys) : [];
    const names = [
      ...new Set([...target.instances.map((instance) => instance.journey), ...(wanted?.journeys ?? [])]),
    ];
    if (running.length === 0) {
      return {
        none: `no running ${names.join(' or ') || 'linked'} journey for this patient takes it`,
        // It may have come before the event that starts the journey: kept for when that arrives.
        beforeJourney: true,
      };
    }
    if (wanted?.pick === 'one' && running.length > 1) {
      return {
        none: `ambiguous: the patient has ${running.length} running ${names.join('/')} journeys and nothing in the resource (basedOn, service type) says which one it is for`,
      };
    }
    return { targets: running };
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
