import * as workerIndex from './index';
import { journeyModules } from './journeys';

/*
 * The worker's index (index.ts) keeps one static, deferred export per workflow: Temporal looks a
 * workflow up by its exported name, and each journey's modules are evaluated only when one of its
 * workflows starts (see index.ts). That is the one line a new journey adds outside its folder and
 * the module list; this test makes a forgotten one fail the build rather than a start at runtime.
 */
describe('the worker index', () => {
  const exported = Object.keys(workerIndex).filter(
    (name) => typeof workerIndex[name as keyof typeof workerIndex] === 'function',
  );

  it.each(journeyModules.map((journey) => [journey.id, journey.workflowType]))(
    '%s: exports %s, the workflow its module declares',
    (_id, workflowType) => {
      expect(exported).toContain(workflowType);
    },
  );

  it('exports nothing but the journeys and the cohort finder', () => {
    expect(exported.sort()).toEqual(
      [...journeyModules.map((journey) => journey.workflowType), 'cohortFinderWorkflow'].sort(),
    );
  });
});
