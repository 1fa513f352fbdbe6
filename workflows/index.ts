/*
 * The system workflows the worker registers (the cohort finder); the journeys' workflows are added
 * from the journey module list (workflows/journeys.ts) by the index the worker writes and bundles
 * (worker/workflow-index.ts), which also explains why each is loaded only when it starts.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deferred evaluation, see worker/workflow-index.ts */
import type * as CohortFinder from './cohort-finder/cohort-finder.workflow';

export const cohortFinderWorkflow: typeof CohortFinder.cohortFinderWorkflow = (input) =>
  (require('./cohort-finder/cohort-finder.workflow') as typeof CohortFinder).cohortFinderWorkflow(input);
