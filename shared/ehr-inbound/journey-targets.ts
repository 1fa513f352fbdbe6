import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import type { Communication, Task } from '@medplum/fhirtypes';
import type { FhirClient } from '../ehr/fhir-client';
import { findCoding, type CodeMatch } from '../../contracts/ehr/code-systems';
import { JOURNEY_EXTENSION_URL } from '../ehr/carepath-identifiers';
import type { JourneyTarget } from './routing-decision';
import type { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { JourneyStarter } from '../journeys/journey-starter';
import { findJourneyType, findJourneyTypeByWorkflow, type JourneyType } from '../../workflows/journey-types';
import { journeyTypeKey, patientRefKey } from '../../contracts/search-attributes';
import type { EhrInbox } from './ehr-inbox';

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
    private readonly settings: ProgramSettingsStore,
    private readonly fhir: FhirClient | null = null,
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
    // One Temporal read after another, not together: a describe left retrying beside one that
    // failed would go on after the answer, and past the API's shutdown (the drills caught it).
    const linked = await this.linkedJourneys(target, patientId, context);
    const instances = await this.instancesOf(target, patientId, (instance) => instance.exact === true);
    const exact = { linked, instances, running: [] };
    if ([...linked, ...instances].some((journey) => takes(journey.type)))
      return pickTargets(target, exact, takes);

    const wanted = await this.runningTypesWanted(target);
    if (wanted.length === 0 && !target.instances.some((instance) => instance.exact))
      return this.declaredInstances(target, patientId, takes);
    const declared = await this.instancesOf(target, patientId, (instance) => instance.exact !== true);
    const running = wanted.length ? await this.runningJourneys(patientId, wanted) : [];
    return pickTargets(target, { linked, instances: declared, running }, takes);
  }

  /** Journeys the event's linked resources started, were applied to or were written by. */
  private async linkedJourneys(
    target: JourneyTarget,
    patientId: string,
    context: { manager: EntityManager; rowId: string },
  ): Promise<TargetJourney[]> {
    const [fromInbox, fromEhr] = await Promise.all([
      this.inbox.journeysLinkedTo(context.manager, target.linkedTo, context.rowId),
      this.journeysThatCreated(target.linkedTo, patientId),
    ]);
    const linkedIds = [...new Set([...fromInbox, ...fromEhr])];
    return (await Promise.all(linkedIds.map((id) => this.describe(id)))).filter(
      (journey): journey is TargetJourney => journey !== undefined,
    );
  }

  /** The types whose running journeys take the event, with each program's own value sets applied. */
  private async runningTypesWanted(target: JourneyTarget): Promise<string[]> {
    const published: Record<string, Record<string, unknown>> = {};
    for (const { journey } of target.programValueSets ?? []) {
      published[journey] ??= (await this.settings.current(findJourneyType(journey)!)).settings;
    }
    return runningTypesFor(target, published);
  }

  /**
   * Journeys that created a resource the event answers: a Task (or Communication) Carepath wrote
   * to the patient's record names its journey in an extension, so an Appointment `basedOn` the
   * "book a follow-up visit" Task reaches that journey. Only a resource about the same patient
   * counts; without an EHR connection there is nothing to read.
   */
  private async journeysThatCreated(keys: string[], patientId: string): Promise<string[]> {
    if (!this.fhir) return [];
    const ids: string[] = [];
    for (const key of keys.filter((candidate) => /^(Task|Communication)\//.test(candidate))) {
      const created = await this.fhir.readReference<Task | Communication>(key);
      const journeyId = created?.extension?.find((extension) => extension.url === JOURNEY_EXTENSION_URL)
        ?.valueIdentifier?.value;
      const subject = created && (created.resourceType === 'Task' ? created.for : created.subject);
      if (journeyId && subject?.reference === `Patient/${patientId}`) ids.push(journeyId);
    }
    return ids;
  }

  private async instancesOf(
    target: JourneyTarget,
    patientId: string,
    which: (instance: JourneyTarget['instances'][number]) => boolean,
  ): Promise<TargetJourney[]> {
    const found: TargetJourney[] = [];
    for (const instance of target.instances.filter(which)) {
      const type = findJourneyType(instance.journey)!;
      const journey = await this.describe(this.starter.workflowIdFor(type, patientId, instance.params));
      if (journey) found.push(journey);
    }
    return found;
  }

  /**
   * Only declared instances can take the event (no linked journey does, no running type is
   * wanted): their ids follow from the patient, so the update sent to each tells whether it runs
   * (not found: it does not), one Temporal call where a describe came before the update. What
   * pickTargets answers when none of them runs is kept for that case.
   */
  private declaredInstances(
    target: JourneyTarget,
    patientId: string,
    takes: (type: JourneyType) => boolean,
  ): TargetChoice {
    const unchecked = target.instances.flatMap((instance) => {
      const type = findJourneyType(instance.journey)!;
      return takes(type)
        ? [{ id: this.starter.workflowIdFor(type, patientId, instance.params), type, running: true }]
        : [];
    });
    const ifNoneRuns = noTargetFor(target);
    return unchecked.length > 0 ? { unchecked: dedupe(unchecked), ifNoneRuns } : ifNoneRuns;
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

export interface NoTarget {
  none: string;
  beforeJourney?: boolean;
}

/**
 * `unchecked`: journeys whose ids are known but not whether they run; each is sent the event and
 * one not found is no target (`ifNoneRuns` when none is).
 */
export type TargetChoice = PickedTargets | { unchecked: TargetJourney[]; ifNoneRuns: NoTarget };

export type PickedTargets = { targets: TargetJourney[] } | NoTarget;

/**
 * Which of the journeys found for a target take the event (no I/O: the property tests run it).
 * Linked journeys win, even ended ones: an event about a resource tied to a journey belongs to it.
 * Otherwise the running declared instances and running journeys of declared types, all of them.
 */
export function pickTargets(
  target: JourneyTarget,
  found: { linked: TargetJourney[]; instances: TargetJourney[]; running: TargetJourney[] },
  takes: (type: JourneyType) => boolean,
): PickedTargets {
  const exactIds = new Set(
    target.instances.filter((instance) => instance.exact).map((instance) => instance.journey),
  );
  // A journey started for this very resource (an appointment reminder by the Appointment's id) is linked too.
  const exact = found.instances.filter((journey) => exactIds.has(journey.type.id));
  const linked = [...found.linked, ...exact].filter((journey) => takes(journey.type));
  if (linked.length > 0) return { targets: dedupe(linked) };
  const targets = [...found.instances, ...found.running].filter(
    (journey) => journey.running && takes(journey.type),
  );
  if (targets.length > 0) return { targets: dedupe(targets) };
  return noTargetFor(target);
}

/** Why no journey takes the event, and whether it may wait for one to start. */
function noTargetFor(target: JourneyTarget): NoTarget {
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

function dedupe(journeys: TargetJourney[]): TargetJourney[] {
  return [...new Map(journeys.map((journey) => [journey.id, journey])).values()];
}

/**
 * The running journey types a target asks for, after each program's published value sets: a
 * journey whose program lists the resource's code is added, one whose program no longer lists it
 * is dropped. A setting a program never published (older versions) leaves the declared default.
 */
export function runningTypesFor(
  target: JourneyTarget,
  publishedSettings: Record<string, Record<string, unknown>>,
): string[] {
  const types = new Set(target.running?.journeys ?? []);
  for (const { journey, setting, concepts } of target.programValueSets ?? []) {
    const codes = publishedSettings[journey]?.[setting] as CodeMatch[] | undefined;
    if (!Array.isArray(codes)) continue;
    if (findCoding(concepts, codes)) types.add(journey);
    else types.delete(journey);
  }
  return [...types];
}
