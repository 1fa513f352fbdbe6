import { useEffect, useState } from 'react';
import type { Blueprint } from '../../../contracts/blueprint';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';

type Derive = (definition: JourneyDefinition) => Blueprint;

let loadingDerive: Promise<Derive> | undefined;

/**
 * The derivation reads the definition schema, which brings zod: it loads with the first map of a
 * definition's journey rather than with the app, as ELK does.
 */
function loadDerive(): Promise<Derive> {
  loadingDerive ??= import('../../../contracts/journey-definitions/definition-blueprint').then(
    (module) => module.definitionBlueprint,
    (error: unknown) => {
      loadingDerive = undefined; // let the next map try again
      throw error;
    },
  );
  return loadingDerive;
}

/** A published definition's map, as the API derives the catalogue's; undefined until it is drawn. */
export function useDefinitionBlueprint(definition: JourneyDefinition | undefined): Blueprint | undefined {
  const [derived, setDerived] = useState<{ from: JourneyDefinition; blueprint: Blueprint }>();
  useEffect(() => {
    if (!definition) return;
    let current = true;
    loadDerive().then(
      (derive) => {
        if (current) setDerived({ from: definition, blueprint: derive(definition) });
      },
      () => undefined, // the caller keeps what it draws meanwhile
    );
    return () => {
      current = false;
    };
  }, [definition]);
  return derived && derived.from === definition ? derived.blueprint : undefined;
}
