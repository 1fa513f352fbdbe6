/*
 * Which published definition and version a journey runs, as its memo names it. Apart from the
 * definition's contract (which builds zod schemas) so a journey workflow can answer with it and
 * load no zod (test/architecture/workflow-bundle-schemas.test.ts).
 */

/** Memo key naming the definition and version a journey was started on, for reads that need them. */
export const DEFINITION_MEMO = 'journeyDefinition';

export interface PinnedDefinition {
  id: string;
  version: number;
}

/** The definition and version a journey's memo names, when it names one. */
export function pinnedDefinitionIn(memo: Record<string, unknown> | undefined): PinnedDefinition | undefined {
  const pinned = memo?.[DEFINITION_MEMO] as Partial<PinnedDefinition> | undefined;
  return typeof pinned?.id === 'string' && typeof pinned.version === 'number'
    ? { id: pinned.id, version: pinned.version }
    : undefined;
}
