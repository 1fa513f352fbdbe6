import { z } from 'zod';

/*
 * The modules every workflow shares, preloaded once per worker (the bundler's `preloadModules`,
 * worker/workflow-index.ts). The SDK's reused V8 context otherwise evaluates each module anew for
 * every workflow it creates: zod alone is some 90 modules of classes, regexes and locale tables,
 * and it was most of the 850 KiB a cached appointment reminder held (docs/benchmarks.md, memory per
 * cached journey). Only a library whose module state no workflow can observe belongs here: the SDK
 * deep-freezes what preloaded modules export and shares it across every workflow of the worker.
 * The contracts' own schemas stay per workflow (zod schemas compute parts of themselves on first
 * use, which a frozen schema could not).
 */

/**
 * zod finishes its own set-up on the first schema it builds: it installs its English messages and
 * its memoizer in its global config (kept on `globalThis`) and asks whether `new Function` works.
 * The SDK freezes the context's globals once this module has run, so one schema is built
 * and used here: a first schema built inside a workflow would otherwise write to a frozen object
 * and fail the workflow task ("Cannot add property localeError, object is not extensible").
 */
export const zodSetUp: unknown = z.object({ ready: z.boolean() }).parse({ ready: true });
