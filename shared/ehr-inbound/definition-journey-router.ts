import type { Patient, Resource, Task } from '@medplum/fhirtypes';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowExecutionDescription,
} from '@temporalio/client';
import { cancelJourneyUpdate, journeyEventUpdate, type JourneyEvent } from '../../contracts/journey-contract';
import {
  DEFINITION_JOURNEY_WORKFLOW_TYPE,
  definitionEventSchema,
} from '../../contracts/journey-definitions/definition-contract';
import { pinnedDefinitionIn } from '../../contracts/journey-definitions/pinned-definition';
import { requestParams } from '../../contracts/journey-definitions/definition-request';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { journeyTypeKey, patientRefKey } from '../../contracts/search-attributes';
import { type JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import { JOURNEY_EXTENSION_URL } from '../ehr/carepath-identifiers';
import type { FhirClient } from '../ehr/fhir-client';
import { isRecordedDeceased } from '../ehr/patient-vital-status';
import { definitionJourney } from '../journeys/catalogue-journey';
import { type JourneyStarter } from '../journeys/journey-starter';
import {
  byDefinitionLink,
  candidatesOfVersion,
  chooseJourney,
  readForDefinitions,
  type DefinitionCandidate,
  type DefinitionLink,
} from './definition-routing';
import type { JourneyResult } from './journey-dispatcher';

/** What the published definitions made of one resource. */
export interface DefinitionRouted {
  /** False when no definition declares anything the resource could be: the coded outcome stands alone. */
  considered: boolean;
  patientId?: string;
  journeys: JourneyResult[];
  /** Why a declared event moved no journey (unlinked, ambiguous): recorded in the inbox outcome. */
  held: string[];
  /**
   * A definition declares the event but no journey is linked to it yet: it may have come before
   * the journey's enrolment, so the inbox keeps it for one to start (HZ-35). Not for an ambiguous one.
   */
  waitsForJourney?: boolean;
  event?: JourneyEvent;
}

/**
 * Carries EHR resources to journeys interpreted from published definitions, by what each
 * definition declares (see inbound/definition-routing.ts): the journey a link names is found by
 * its keyed-hash workflow id (a request), by the journey extension of the Task it created, or
 * among the patient's running journeys of the definition (a value set), and receives the event
 * through the same update coded journeys take, checked against the version it is pinned to. A
 * Patient recorded as deceased ends them all, as it ends coded ones. Temporal and EHR failures
 * are thrown: the inbox keeps the event unapplied for the redelivery.
 */
export class DefinitionJourneyRouter {
  constructor(
    private readonly temporal: Client,
    private readonly fhir: FhirClient | null,
    private readonly starter: JourneyStarter,
    private readonly definitions: JourneyDefinitionStore,
  ) {}

  /**
   * The published definitions `route` reads the resource against (none for a Patient, which ends
   * journeys): every version, since a journey takes only what the version it is pinned to declares
   * (HZ-34). `versionsPublished`, when the caller counted them, lets an unchanged set be reused.
   */
  async definitionsFor(resource: Resource, versionsPublished?: number): Promise<JourneyDefinition[]> {
    return resource.resourceType === 'Patient' ? [] : this.definitions.allPublished(versionsPublished);
  }

  async route(
    resource: Resource,
    published: JourneyDefinition[],
    context: { updateId: string; resourceKey?: string },
  ): Promise<DefinitionRouted> {
    if (resource.resourceType === 'Patient') return this.endIfDeceased(resource, context.updateId);
    const reading = readForDefinitions(resource, published);
    if (reading.kind === 'none') return { considered: false, journeys: [], held: [reading.reason] };
    const routed: DefinitionRouted = {
      considered: true,
      patientId: reading.patientId,
      journeys: [],
      held: [],
    };
    // Versions come oldest first: each id keeps its latest, whose link finds the journeys.
    const latest = new Map(published.map((definition) => [definition.id, definition]));
    for (const group of byDefinitionLink(reading.candidates)) {
      const linking = group[0]!;
      const choice = chooseJourney(
        linking,
        await this.linkedJourneys(linking, latest.get(linking.definitionId)!, reading.patientId),
      );
      if (choice.kind !== 'journey') {
        routed.held.push(choice.reason);
        if (choice.kind === 'none') routed.waitsForJourney = true;
        continue;
      }
      for (const { result, event } of await this.send(choice.id, group, resource.resourceType, context)) {
        routed.journeys.push(result);
        if (result.result === 'applied') routed.event ??= event;
        else routed.held.push(`${linking.definitionId}: ${result.reason ?? result.result}`);
      }
    }
    return routed;
  }

  /** The running journeys of the definition the candidate's link names. */
  private async linkedJourneys(
    candidate: DefinitionCandidate,
    definition: JourneyDefinition,
    patientId: string,
  ): Promise<string[]> {
    switch (candidate.link as DefinitionLink) {
      case 'based-on-request': {
        const entry = definitionJourney(definition);
        const ids = candidate.requests.map((request) =>
          this.starter.workflowIdFor(entry, patientId, requestParams(request)),
        );
        return this.runningOf(ids, definition.id);
      }
      case 'answers-task':
        return this.runningOf(await this.journeysThatCreated(candidate.tasks, patientId), definition.id);
      case 'value-set':
        return this.runningJourneys(patientId, definition.id);
      default:
        return [];
    }
  }

  /** The journey named in the Carepath extension of each Task, when the Task is the patient's. */
  private async journeysThatCreated(tasks: string[], patientId: string): Promise<string[]> {
    if (!this.fhir) return [];
    const ids: string[] = [];
    for (const key of tasks) {
      const task = await this.fhir.readReference<Task>(key);
      const journeyId = task?.extension?.find((extension) => extension.url === JOURNEY_EXTENSION_URL)
        ?.valueIdentifier?.value;
      if (journeyId && task?.for?.reference === `Patient/${patientId}`) ids.push(journeyId);
    }
    return ids;
  }

  /** Of these workflow ids, the running definition journeys of this definition. */
  private async runningOf(ids: string[], definitionId: string): Promise<string[]> {
    const running: string[] = [];
    for (const id of new Set(ids)) {
      const description = await this.describe(id);
      if (
        description?.type === DEFINITION_JOURNEY_WORKFLOW_TYPE &&
        description.status.name === 'RUNNING' &&
        description.typedSearchAttributes.get(journeyTypeKey) === definitionId
      )
        running.push(id);
    }
    return running;
  }

  private async runningJourneys(patientId: string, definitionId?: string): Promise<string[]> {
    // Values are a definition id (lower-case letters, digits, dashes) and a hex hash: nothing breaks the quoting.
    const query = [
      `WorkflowType = '${DEFINITION_JOURNEY_WORKFLOW_TYPE}'`,
      `${patientRefKey.name} = '${this.starter.patientRefOf(patientId)}'`,
      ...(definitionId ? [`${journeyTypeKey.name} = '${definitionId}'`] : []),
      `ExecutionStatus = 'Running'`,
    ].join(' AND ');
    const ids: string[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) ids.push(execution.workflowId);
    return ids;
  }

  private async describe(id: string): Promise<WorkflowExecutionDescription | undefined> {
    try {
      return await this.temporal.workflow.getHandle(id).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * The events the version the journey is pinned to declares for the resource, each checked
   * against that version and sent as its update; none when the version declares none (HZ-34).
   */
  private async send(
    id: string,
    group: DefinitionCandidate[],
    resourceType: string,
    context: { updateId: string; resourceKey?: string },
  ): Promise<Array<{ result: JourneyResult; event: JourneyEvent }>> {
    const description = await this.describe(id);
    const pinned = pinnedDefinitionIn(description?.memo);
    const definition = pinned && (await this.definitions.publishedVersion(pinned.id, pinned.version));
    const refused = (reason: string) => {
      const [first] = group;
      const base = { id, journey: first!.definitionId, event: first!.event.type };
      return [{ result: { ...base, result: 'refused' as const, reason }, event: first!.event }];
    };
    if (!definition) return refused('the version it runs is not published');
    const taken = candidatesOfVersion(group, definition.version);
    if (taken.length === 0) {
      const declaring = [...new Set(group.map((candidate) => candidate.definitionVersion))].join(', ');
      return refused(
        `version ${definition.version}, which it runs, does not take this ${resourceType} (version ${declaring} would)`,
      );
    }
    const results: Array<{ result: JourneyResult; event: JourneyEvent }> = [];
    for (const candidate of taken) {
      results.push({
        result: await this.sendOne(id, definition, candidate, context),
        event: candidate.event,
      });
    }
    return results;
  }

  /** One event, checked against the version the journey is pinned to, as its update. */
  private async sendOne(
    id: string,
    definition: JourneyDefinition,
    candidate: DefinitionCandidate,
    context: { updateId: string; resourceKey?: string },
  ): Promise<JourneyResult> {
    const base = { id, journey: candidate.definitionId, event: candidate.event.type };
    const parsed = definitionEventSchema(definition).safeParse(candidate.event);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
      return { ...base, result: 'refused', reason: `not a valid ${candidate.event.type} event: ${problems}` };
    }
    const type = context.resourceKey?.split('/')[0];
    return this.attempt(base, () =>
      this.temporal.workflow.getHandle(id).executeUpdate(journeyEventUpdate, {
        args: [parsed.data, { by: type ? `EHR event (${type})` : 'EHR event' }],
        // One update per event and journey: a redelivered event is not applied twice.
        updateId: `${context.updateId}-${candidate.event.type}`,
      }),
    );
  }

  /** Safety invariant 8: a death recorded in the EHR ends every running definition journey of the patient. */
  private async endIfDeceased(patient: Patient, updateId: string): Promise<DefinitionRouted> {
    if (!patient.id || !isRecordedDeceased(patient)) return { considered: false, journeys: [], held: [] };
    const journeys: JourneyResult[] = [];
    for (const id of await this.runningJourneys(patient.id)) {
      const description = await this.describe(id);
      const base = {
        id,
        journey: description?.typedSearchAttributes.get(journeyTypeKey) ?? DEFINITION_JOURNEY_WORKFLOW_TYPE,
        event: 'cancel',
      };
      journeys.push(
        await this.attempt(base, () =>
          this.temporal.workflow.getHandle(id).executeUpdate(cancelJourneyUpdate, {
            args: [{ reason: 'The EHR records the patient as deceased', by: 'ehr' }],
            updateId,
          }),
        ),
      );
    }
    return { considered: journeys.length > 0, patientId: patient.id, journeys, held: [] };
  }

  private async attempt(
    base: { id: string; journey: string; event: string },
    call: () => Promise<unknown>,
  ): Promise<JourneyResult> {
    try {
      await call();
      return { ...base, result: 'applied' };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        return { ...base, result: 'refused', reason: error.cause?.message ?? 'the journey refused it' };
      }
      if (error instanceof WorkflowNotFoundError)
        return { ...base, result: 'ended', reason: 'the journey has ended' };
      throw error;
    }
  }
}
