import type { z } from 'zod';
import type { Blueprint } from '../contracts/blueprint';
import type { JourneyTriggers } from './journey-triggers';

/*
 * A journey is one declared module: `<journey>/<journey>.journey.ts` calls `defineJourney(...)`
 * and `journeys.ts` lists the modules. The API's registry, the worker's workflow index, the EHR
 * router's triggers and the wording the renderer finds are read from that list, never retyped. Pure data: the API,
 * the worker's activities and the workflow sandbox may all import it.
 */

/**
 * The patient wording of a journey: the keys its settings and workflow name, each worded by
 * `<folder>/wording/<message>.<language>.<level>.<channel>.hbs`. A key is `<journey>.<message>`;
 * keys that predate that pattern (`<journey>-<message>`, the journey id itself) stay as they are,
 * because published settings and running journeys hold them.
 */
export interface JourneyWording {
  keys: readonly string[];
}

export interface JourneyDeclaration<Params = never> {
  id: string;
  /**
   * The journey's folder, relative to the code root (the project, or dist/ once compiled): the
   * worker loads `<folder>/<id>.workflow`, the renderer reads `<folder>/wording/`.
   */
  folder: string;
  title: string;
  description: string;
  /** The name `<id>.workflow.ts` exports the workflow function by: its Temporal workflow type. */
  workflow: string;
  contract: { params: z.ZodType; event: z.ZodType };
  /** Program settings: every tunable default of the journey; published in versions. */
  settings: z.ZodType;
  wording: JourneyWording;
  blueprint: Blueprint;
  triggers: JourneyTriggers;
  /**
   * Tells apart journeys of this type for one patient (a DiLO card number, a screening item);
   * absent when a patient has at most one running journey of the type.
   */
  instanceKey?: (params: Params) => string | undefined;
  /** Where the clinical numbers come from, for the designer and the docs. */
  sources: readonly string[];
}

/** A journey type as the API offers it: what to start, with which parameters, settings and events, and its map. */
export interface JourneyModule {
  id: string;
  folder: string;
  title: string;
  description: string;
  workflowType: string;
  paramsSchema: z.ZodType;
  eventSchema: z.ZodType;
  settingsSchema: z.ZodType;
  blueprint: Blueprint;
  instanceKey?: (params: never) => string | undefined;
  sources: string[];
  wording: JourneyWording;
  triggers: JourneyTriggers;
}

export function defineJourney<Params = never>(declaration: JourneyDeclaration<Params>): JourneyModule {
  if (declaration.triggers.journey !== declaration.id) {
    throw new Error(`${declaration.id}: its triggers are declared for "${declaration.triggers.journey}"`);
  }
  const { id, folder, title, description, blueprint, instanceKey, wording, triggers } = declaration;
  return {
    id,
    folder,
    title,
    description,
    workflowType: declaration.workflow,
    paramsSchema: declaration.contract.params,
    eventSchema: declaration.contract.event,
    settingsSchema: declaration.settings,
    blueprint,
    ...(instanceKey ? { instanceKey: instanceKey as (params: never) => string | undefined } : {}),
    sources: [...declaration.sources],
    wording,
    triggers,
  };
}
