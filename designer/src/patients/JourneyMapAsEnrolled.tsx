import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import type { ApiClient, JourneyType } from '../api';
import { JourneyMap } from '../map/JourneyMap';
import { useApiResource } from '../useApiResource';
import { useDefinitionBlueprint } from './useDefinitionBlueprint';

interface JourneyMapAsEnrolledProps {
  readonly client: ApiClient;
  readonly type: JourneyType;
  readonly settingsVersion: number;
  readonly stage: string;
  /** For a journey run from a definition: the version it is pinned to. */
  readonly definitionVersion?: number;
}

/**
 * One patient's journey on its map, as enrolled: a coded journey drawn with the settings version
 * it was enrolled with (its escalation plan's real steps and days, not the generic loop and not
 * today's version), a definition's journey with the map of the version it is pinned to.
 */
export function JourneyMapAsEnrolled(props: JourneyMapAsEnrolledProps) {
  const { type, definitionVersion } = props;
  if (type.kind === 'definition' && definitionVersion !== undefined)
    return <DefinitionMapAsEnrolled {...props} definitionVersion={definitionVersion} />;
  return <CodedMapAsEnrolled {...props} />;
}

/** Until the settings arrive, or if they cannot be read, the map is drawn without them. */
function CodedMapAsEnrolled({ client, type, settingsVersion, stage }: JourneyMapAsEnrolledProps) {
  const { resource: settings } = useApiResource(
    client,
    '/api/programs/{journeyType}/settings/versions/{version}',
    {
      params: { path: { journeyType: type.id, version: settingsVersion } },
    },
  );
  return (
    <JourneyMap
      title={type.title}
      blueprint={type.blueprint}
      settings={settings.status === 'ready' ? settings.data.settings : undefined}
      position={stage}
    />
  );
}

/**
 * The pinned version's map, derived as the API derives the catalogue's; while it loads (or if it
 * cannot be read) the catalogue's map stands in only when it is that same version.
 */
function DefinitionMapAsEnrolled({
  client,
  type,
  stage,
  definitionVersion,
}: JourneyMapAsEnrolledProps & { definitionVersion: number }) {
  const { resource: pinned } = useApiResource(client, '/api/journey-definitions/{id}/versions/{version}', {
    params: { path: { id: type.id, version: definitionVersion } },
  });
  const derived = useDefinitionBlueprint(
    pinned.status === 'ready' ? (pinned.data.definition as JourneyDefinition) : undefined,
  );
  const blueprint = derived ?? (type.definitionVersion === definitionVersion ? type.blueprint : undefined);
  if (!blueprint) return null;
  return (
    <JourneyMap
      title={`${type.title} (version ${definitionVersion})`}
      blueprint={blueprint}
      position={stage}
    />
  );
}
