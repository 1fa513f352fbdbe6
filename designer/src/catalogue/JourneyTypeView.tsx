import { useId, useMemo, useState } from 'react';
import type { ApiClient, JourneyType } from '../api';
import { JourneyMap } from '../map/JourneyMap';
import { Notice } from '../Notice';
import { ProgramSettingsPanel } from '../settings/ProgramSettingsPanel';
import { useApiResource } from '../useApiResource';
import { statsOverlay } from './stats-overlay';

const OVERLAY_REFRESH_MS = 10_000;

type View = 'map' | 'settings';

interface JourneyTypeViewProps {
  client: ApiClient;
  type: JourneyType;
  canPublish: boolean;
}

/** One journey type: its map with where patients are now, and its program settings. */
export function JourneyTypeView({ client, type, canPublish }: JourneyTypeViewProps) {
  const [view, setView] = useState<View>('map');
  const id = useId();
  const tab = (value: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${value}-tab`}
      aria-selected={view === value}
      aria-controls={`${id}-${value}`}
      tabIndex={view === value ? 0 : -1}
      className={view === value ? 'tab selected' : 'tab'}
      onClick={() => setView(value)}
      onKeyDown={(event) => {
        // Arrow keys move between the two tabs, as WAI-ARIA tabs do.
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next: View = view === 'map' ? 'settings' : 'map';
          setView(next);
          document.getElementById(`${id}-${next}-tab`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{type.title}</h2>
      <div role="tablist" aria-label={`${type.title} views`} className="tabs">
        {tab('map', 'Map')}
        {tab('settings', 'Program settings')}
      </div>
      <div role="tabpanel" id={`${id}-${view}`} aria-labelledby={`${id}-${view}-tab`}>
        {view === 'map' ? (
          <JourneyTypeMap client={client} type={type} />
        ) : (
          <ProgramSettingsPanel client={client} journeyType={type} canPublish={canPublish} />
        )}
      </div>
    </section>
  );
}

function JourneyTypeMap({ client, type }: { client: ApiClient; type: JourneyType }) {
  const journeyType = { path: { journeyType: type.id } };
  const { resource: stats, reload } = useApiResource(client, '/api/journey-types/{journeyType}/stats', {
    params: journeyType,
    refreshMs: OVERLAY_REFRESH_MS,
  });
  const { resource: settings } = useApiResource(client, '/api/programs/{journeyType}/settings', {
    params: journeyType,
  });
  const overlay = useMemo(() => (stats.status === 'ready' ? statsOverlay(stats.data) : undefined), [stats]);
  return (
    <>
      {stats.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          Patient counts are unavailable: {stats.message}
        </Notice>
      )}
      <JourneyMap
        title={type.title}
        blueprint={type.blueprint}
        settings={settings.status === 'ready' ? settings.data.settings : undefined}
        overlay={overlay}
      />
    </>
  );
}
