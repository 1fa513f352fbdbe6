import { Injectable } from '@nestjs/common';
import type { WorkflowExecutionDescription } from '@temporalio/client';
import { DEFINITION_JOURNEY_WORKFLOW_TYPE } from '../../contracts/journey-definitions/definition-contract';
import { pinnedDefinitionIn } from '../../contracts/journey-definitions/pinned-definition';
import { journeyTypeKey } from '../../contracts/search-attributes';
import { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import {
  codedJourney,
  definitionJourney,
  mergeCatalogue,
  type CatalogueJourney,
} from '../../shared/journeys/catalogue-journey';
import { findJourneyType, findJourneyTypeByWorkflow, journeyTypes } from '../../workflows/journey-types';
import { badRequest } from '../errors/api-error';

/**
 * The journeys this deployment runs: the coded modules and every definition with a published
 * version (its latest), read afresh on each call so a publish shows at once. Everything in the
 * API that names a journey type asks here.
 */
@Injectable()
export class JourneyCatalogue {
  constructor(private readonly definitions: JourneyDefinitionStore) {}

  async list(): Promise<CatalogueJourney[]> {
    return mergeCatalogue(journeyTypes, await this.definitions.latestPublished());
  }

  async find(id: string): Promise<CatalogueJourney | undefined> {
    return (await this.list()).find((journey) => journey.id === id);
  }

  /**
   * What an enrolment starts: a coded journey, or a definition at `definitionVersion` (its latest
   * published one when absent). Anything else is a 400 naming the field.
   */
  async forEnrolment(id: string, definitionVersion?: number): Promise<CatalogueJourney> {
    // A coded journey hides any definition of its id (mergeCatalogue): no definitions need reading.
    const coded = findJourneyType(id);
    const catalogue = coded ? [codedJourney(coded)] : await this.list();
    const journey = catalogue.find((candidate) => candidate.id === id);
    if (!journey) {
      throw badRequest(`Unknown journey type "${id}".`, [
        { field: 'journey', message: `must be one of: ${catalogue.map((known) => known.id).join(', ')}` },
      ]);
    }
    if (definitionVersion === undefined || definitionVersion === journey.definition?.version) return journey;
    if (!journey.definition) {
      throw badRequest(`Journey "${id}" is coded: it has no definition versions.`, [
        { field: 'definitionVersion', message: 'is only for journeys defined by a journey definition' },
      ]);
    }
    const pinned = await this.definitions.publishedVersion(id, definitionVersion);
    if (!pinned) {
      throw badRequest(`Journey definition "${id}" has no published version ${definitionVersion}.`, [
        {
          field: 'definitionVersion',
          message: `must be a published version of ${id} (1 to ${journey.definition.version})`,
        },
      ]);
    }
    return definitionJourney(pinned);
  }

  /** Whether executions of a workflow type are journeys (coded, or a definition interpreted). */
  runsJourneys(workflowType: string): boolean {
    return (
      workflowType === DEFINITION_JOURNEY_WORKFLOW_TYPE ||
      findJourneyTypeByWorkflow(workflowType) !== undefined
    );
  }

  /**
   * What a journey was started from: its coded module, or the definition version it is pinned to
   * (named in its memo). Its events are checked against that version's declarations.
   */
  async ofExecution(
    description: Pick<WorkflowExecutionDescription, 'type' | 'memo' | 'typedSearchAttributes'>,
  ): Promise<CatalogueJourney | undefined> {
    if (description.type !== DEFINITION_JOURNEY_WORKFLOW_TYPE) {
      const coded = findJourneyTypeByWorkflow(description.type);
      return coded ? codedJourney(coded) : undefined;
    }
    const pinned = pinnedDefinitionIn(description.memo);
    if (!pinned) {
      // Started without the memo (straight through Temporal): its type, at the latest version.
      const id = description.typedSearchAttributes.get(journeyTypeKey);
      return id ? this.find(id) : undefined;
    }
    const definition = await this.definitions.publishedVersion(pinned.id, pinned.version);
    return definition ? definitionJourney(definition) : undefined;
  }
}
