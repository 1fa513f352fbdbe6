import type { ApiClient, JourneyType } from '../api';
import { JourneyMap } from '../map/JourneyMap';
import { useApiResource } from '../useApiResource';

interface JourneyMapAsEnrolledProps {
  readonly client: ApiClient;
  readonly type: JourneyType;
  readonly settingsVersion: number;
  readonly stage: string;
}

/**
 * One patient's journey on its map, drawn with the settings version it was enrolled with (its
 * escalation plan's real steps and days, not the generic loop and not today's version); until
 * they arrive, or if they cannot be read, the map is drawn without them.
 */
export function JourneyMapAsEnrolled({ client, type, settingsVersion, stage }: JourneyMapAsEnrolledProps) {
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
