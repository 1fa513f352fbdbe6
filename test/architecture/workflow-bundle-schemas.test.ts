import vm from 'node:vm';
import { journeyWorkflowBundle } from '../helpers/workflow-bundle';

/*
 * A sleeping journey holds only its own state (issue 23 point 2). The worker evaluates the
 * bundle's modules anew for every workflow it caches, so whatever a workflow's modules build at
 * load is paid once per cached journey: zod and the contracts' schemas were 700 of a reminder's
 * 850 KiB of heap (docs/benchmarks.md). The rule: loading a workflow loads no zod; its event
 * schema is built on the first event or preview (contracts/lazy-schema.ts).
 *
 * Each workflow type is loaded the way the SDK loads it: the bundle evaluated in a fresh V8
 * context, `importWorkflows()`, then the workflow function called, which evaluates its modules
 * (the index defers them until then, worker/workflow-index.ts). Outside a worker the workflow's
 * body then fails at its first Temporal call; the modules it loaded are what this reads.
 */

/**
 * The definition interpreter still loads zod: the definition schema it checks journeys against
 * is shared with the designer, whose browser bundle cannot take the deferred require. Listed so
 * the exception is a decision on record, and so it is noticed when it goes.
 */
const LOADS_ZOD_AT_START = new Set(['definitionJourney']);

describe('the workflow bundle', () => {
  let script: vm.Script;

  beforeAll(async () => {
    const bundle = await journeyWorkflowBundle();
    script = new vm.Script(bundle.code, { filename: 'workflow-bundle.js' });
  }, 180_000);

  /** The bundle's module ids a workflow of `type` evaluates beyond those every workflow shares. */
  function modulesLoadedBy(type?: string): { workflowTypes: string[]; loaded: string[] } {
    const moduleCache: Record<string, unknown> = {};
    const context = vm.createContext({ __webpack_module_cache__: moduleCache });
    script.runInContext(context);
    const workflows = vm.runInContext('__TEMPORAL__.importWorkflows()', context) as Record<
      string,
      (input: unknown) => unknown
    >;
    const shared = new Set(Object.keys(moduleCache));
    if (type) {
      try {
        void Promise.resolve(workflows[type]!({})).catch(() => undefined);
      } catch {
        // The body's first Temporal call: there is no workflow here to run.
      }
    }
    return {
      workflowTypes: Object.keys(workflows),
      loaded: Object.keys(moduleCache).filter((id) => !shared.has(id)),
    };
  }

  const zodModules = (ids: string[]) => ids.filter((id) => id.includes('node_modules/zod/'));

  it('loads no zod before a workflow starts', () => {
    const moduleCache: Record<string, unknown> = {};
    script.runInContext(vm.createContext({ __webpack_module_cache__: moduleCache }));
    expect(zodModules(Object.keys(moduleCache))).toEqual([]);
  });

  it('loads no zod, and so builds no schema, when a journey or system workflow starts', () => {
    const { workflowTypes } = modulesLoadedBy();
    expect(workflowTypes).toEqual(
      expect.arrayContaining(['appointmentReminderWorkflow', 'cohortFinderWorkflow']),
    );
    const zodByType = Object.fromEntries(
      workflowTypes
        .filter((type) => !LOADS_ZOD_AT_START.has(type))
        .map((type) => {
          const { loaded } = modulesLoadedBy(type);
          // A workflow whose modules failed to load would pass below for nothing.
          expect(loaded).toContainEqual(expect.stringMatching(/\.workflow\.[jt]s$/));
          return [type, zodModules(loaded)];
        }),
    );
    expect(zodByType).toEqual(Object.fromEntries(Object.keys(zodByType).map((type) => [type, []])));
  });

  it('still knows the exceptions it lists', () => {
    const { workflowTypes } = modulesLoadedBy();
    for (const type of LOADS_ZOD_AT_START) {
      expect(workflowTypes).toContain(type);
      expect(zodModules(modulesLoadedBy(type).loaded)).not.toEqual([]);
    }
  });
});
