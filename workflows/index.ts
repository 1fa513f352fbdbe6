/*
 * The system workflows the worker registers (the cohort finder); the journeys' workflows are added
 * from the journey module list (workflows/journeys.ts) by the index the worker writes and bundles
 * (worker/workflow-index.ts), which also explains why each is loaded only when it starts.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deferred evaluation, see worker/workflow-index.ts */
import type * as CohortFinder from './cohort-finder/cohort-finder.workflow';
import type * as DefinitionJourney from './definition-interpreter/definition-journey.workflow';

export const cohortFinderWorkflow: typeof CohortFinder.cohortFinderWorkflow = (input) =>
  (require('./cohort-finder/cohort-finder.workflow') as typeof CohortFinder).cohortFinderWorkflow(input);

/**
 * The interpreter of journey definitions (designer-authored journeys): one workflow type for every
 * definition and version, so it is here rather than in the journey module list.
 */
export const definitionJourney: typeof DefinitionJourney.definitionJourney = (input) =>
  (
    require('./definition-interpreter/definition-journey.workflow') as typeof DefinitionJourney
  ).definitionJourney(input);
