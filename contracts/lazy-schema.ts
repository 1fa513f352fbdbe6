import type * as Zod from 'zod';

/*
 * Schemas the workflow bundle imports are built on first use, and zod itself is loaded then.
 * The worker evaluates the bundle's modules anew for every workflow it caches (the SDK's reused
 * V8 context keeps each workflow's module state apart), so a schema built at module load, and zod
 * with it, was paid by every sleeping journey: about 700 of a reminder's 850 KiB of heap
 * (docs/benchmarks.md, memory per cached journey). A journey builds its event schema when its
 * first event or preview comes; the API builds each schema once, as before.
 *
 * Modules the workflow bundle evaluates import zod with `import type` only and receive it here;
 * test/architecture/workflow-bundle-schemas.test.ts holds them to it. Never in the designer's
 * imports: a browser bundle has no `require`.
 */

export type ZodApi = typeof Zod.z;

/** The schema `build` returns, built once on the first call: `appointmentReminderEvent().parse(...)`. */
export function lazySchema<Schema>(build: (z: ZodApi) => Schema): () => Schema {
  let schema: Schema | undefined;
  return () => (schema ??= build(loadZod()));
}

function loadZod(): ZodApi {
  // A deferred require: an `import` would load zod with the module, in every workflow.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('zod') as typeof Zod).z;
}
