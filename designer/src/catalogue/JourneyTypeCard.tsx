import { Link } from 'react-router';
import type { ApiClient, JourneyType } from '../api';
import { safeHttpUrl } from '../format';
import { useApiResource } from '../useApiResource';
import { JourneyKindBadge } from './JourneyKindBadge';
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
  const temporalView = safeHttpUrl(type.temporalUiView.url);
  return (
    <li className={selected ? 'type-card selected' : 'type-card'}>
      <h3>
        <Link to={journeyTypePath(type, 'map')} aria-current={selected ? 'page' : undefined}>
          {type.title}
        </Link>
        <JourneyKindBadge type={type} />
      </h3>
      <p className="description" title={type.description}>
        {type.description}
      </p>
      <p className="muted">
        Published settings:{' '}
        {type.settingsVersion === 0 ? 'built-in defaults (version 0)' : `version ${type.settingsVersion}`}
      </p>
      <JourneyTypeCounts stats={stats} />
      {temporalView && (
        <p className="muted">
          {/* The Web UI keeps views per browser: this link lists the journeys and saves the view there. */}
          <a
            href={temporalView}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`${type.title} in Temporal Web UI`}
          >
            In Temporal Web UI
          </a>{' '}
          (saved there as “{type.temporalUiView.name}”)
        </p>
      )}
    </li>
  );
}
