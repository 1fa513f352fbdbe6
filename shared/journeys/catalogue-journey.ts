import type { z } from 'zod';
import type { Blueprint } from '../../contracts/blueprint';
import { definitionBlueprint } from '../../contracts/journey-definitions/definition-blueprint';
import {
  DEFINITION_JOURNEY_WORKFLOW_TYPE,
  definitionEventSchema,
  definitionParamsSchema,
  definitionSettingsSchema,
} from '../../contracts/journey-definitions/definition-contract';
import {
  DEFINITION_MEMO,
  type PinnedDefinition,
} from '../../contracts/journey-definitions/pinned-definition';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { definitionInstanceKey } from '../../contracts/journey-definitions/definition-request';
import type { JourneyModule } from '../../workflows/journey-module';

/*
 * One catalogue of journeys: the coded modules engineers write and the definitions designers
 * publish, in one shape, so enrolment, lists, stats, events and controls treat both alike. A
 * definition is offered at a version; a journey started on it is pinned to that version.
 */

export interface CatalogueJourney {
  kind: 'coded' | 'definition';
  id: string;
  title: string;
  description: string;
  workflowType: string;
  paramsSchema: z.ZodType;
  eventSchema: z.ZodType;
  settingsSchema: z.ZodType;
  blueprint: Blueprint;
  sources: readonly string[];
  instanceKey?: (params: never) => string | undefined;
  /** For a definition: the published version this entry starts (and a running journey was pinned to). */
  definition?: PinnedDefinition;
  /** What the workflow gets from the checked parameters; the parameters themselves when absent. */
  workflowParams?: (params: unknown) => unknown;
  /** Memo a journey of this entry is started with. */
  memo?: Record<string, unknown>;
}

export function codedJourney(module: JourneyModule): CatalogueJourney {
  const { id, title, description, workflowType, paramsSchema, eventSchema, settingsSchema, blueprint } =
    module;
  return {
    kind: 'coded',
    id,
    title,
    description,
    workflowType,
    paramsSchema,
    eventSchema,
    settingsSchema,
    blueprint,
    sources: module.sources,
    ...(module.instanceKey ? { instanceKey: module.instanceKey } : {}),
  };
}

/** A published definition version as the catalogue offers it: its journeys carry it whole, pinned. */
export function definitionJourney(definition: JourneyDefinition): CatalogueJourney {
  const pinned: PinnedDefinition = { id: definition.id, version: definition.version };
  return {
    kind: 'definition',
    id: definition.id,
    title: definition.title,
    description: definition.description ?? '',
    workflowType: DEFINITION_JOURNEY_WORKFLOW_TYPE,
    paramsSchema: definitionParamsSchema(definition),
    eventSchema: definitionEventSchema(definition),
    settingsSchema: definitionSettingsSchema(definition),
    blueprint: definitionBlueprint(definition),
    sources: [],
    // A journey enrolled for a request (values.requestId) is that request's: the EHR router finds
    // it by the request an Appointment is based on (shared/ehr-inbound/definition-routing.ts).
    instanceKey: definitionInstanceKey,
    definition: pinned,
    workflowParams: (params) => ({ ...(params as object), definition }),
    memo: { [DEFINITION_MEMO]: pinned },
  };
}

/**
 * Coded journeys first, in the module order, then each definition's latest version by id. A
 * definition whose id a coded journey already has is left out: the two would share workflow ids
 * and the CarepathJourney search attribute.
 */
export function mergeCatalogue(
  coded: readonly JourneyModule[],
  latestDefinitions: readonly JourneyDefinition[],
): CatalogueJourney[] {
  const codedIds = new Set(coded.map((module) => module.id));
  return [
    ...coded.map(codedJourney),
    ...latestDefinitions
      .filter((definition) => !codedIds.has(definition.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(definitionJourney),
  ];
}
