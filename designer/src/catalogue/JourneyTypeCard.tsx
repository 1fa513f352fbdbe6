import { Link } from 'react-router';
import type { ApiClient, JourneyType } from '../api';
import { useApiResource } from '../useApiResource';
import { JourneyTypeCounts } from './JourneyTypeCounts';
import { journeyTypePath } from './JourneyTypeView';

/** Counts move as patients do; a catalogue left open stays current without a reload. */
const COUNTS_REFRESH_MS = 15_000;

interface JourneyTypeCardProps {
  client: ApiClient;
  type: JourneyType;
  selected: boolean;
}

export function JourneyTypeCard({ client, type, selected }: JourneyTypeCardProps) {
  const { resource: stats } = useApiResource(client, '/api/journey-types/{journeyType}/stats', {
    params: { path: { journeyType: type.id } },
    refreshMs: COUNTS_REFRESH_MS,
  });
  return (
    <li className={selected ? 'type-card selected' : 'type-card'}>
      <h3>
        <Link to={journeyTypePath(type, 'map')} aria-current={selected ? 'page' : undefined}>
          {type.title}
        </Link>
      </h3>
      <p className="description" title={type.description}>
        {type.description}
      </p>
      <p className="muted">
        Published settings:{' '}
        {type.settingsVersion === 0 ? 'built-in defaults (version 0)' : `version ${type.settingsVersion}`}
      </p>
      <JourneyTypeCounts stats={stats} />
    </li>
  );
}
