import { useEffect, useState } from 'react';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import type { ApiClient, JourneyType } from '../api';

type EventSchema = JourneyType['eventSchema'];
type Derive = (definition: JourneyDefinition) => EventSchema;

let loadingDerive: Promise<Derive> | undefined;

/** The derivation brings zod: it loads with the first journey pinned to an older version, not with the app. */
function loadDerive(): Promise<Derive> {
  loadingDerive ??= import('../../../contracts/journey-definitions/definition-contract').then(
    (module) => module.definitionEventJsonSchema,
    (error: unknown) => {
      loadingDerive = undefined; // let the next journey try again
      throw error;
    },
  );
  return loadingDerive;
}

/**
 * The events a journey takes: for a journey pinned to an older definition version, that
 * version's declarations (a later one may have added, removed or retyped events), derived as the
 * API derives the catalogue's; otherwise the catalogue's schema. Undefined while the pinned
 * version loads. If it cannot be read, the catalogue's schema stands in: the API still checks
 * every event against the pinned version and refuses what it does not declare.
 */
export function usePinnedEventSchema(
  client: ApiClient,
  type: JourneyType,
  definitionVersion: number | undefined,
): EventSchema | undefined {
  const olderVersion =
    type.kind === 'definition' &&
    definitionVersion !== undefined &&
    definitionVersion !== type.definitionVersion
      ? definitionVersion
      : undefined;
  const key = olderVersion === undefined ? undefined : `${type.id}@${olderVersion}`;
  const [derived, setDerived] = useState<{ key: string; schema: EventSchema }>();

  useEffect(() => {
    if (olderVersion === undefined || key === undefined) return;
    const controller = new AbortController();
    client
      .get('/api/journey-definitions/{id}/versions/{version}', {
        params: { path: { id: type.id, version: olderVersion } },
        signal: controller.signal,
      })
      .then(async (pinned) => (await loadDerive())(pinned.definition as JourneyDefinition))
      .then(
        (schema) => {
          if (!controller.signal.aborted) setDerived({ key, schema });
        },
        () => {
          if (!controller.signal.aborted) setDerived({ key, schema: type.eventSchema });
        },
      );
    return () => controller.abort();
  }, [client, type.id, type.eventSchema, olderVersion, key]);

  if (key === undefined) return type.eventSchema;
  return derived?.key === key ? derived.schema : undefined;
}
