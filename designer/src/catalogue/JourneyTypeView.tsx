import { useId, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiClient, JourneyType } from '../api';
import { JourneyMap } from '../map/JourneyMap';
import { Notice } from '../Notice';
import { ProgramSettingsPanel } from '../settings/ProgramSettingsPanel';
import { useApiResource } from '../useApiResource';
import { statsOverlay } from './stats-overlay';

const OVERLAY_REFRESH_MS = 10_000;

const VIEWS = ['map', 'settings'] as const;
export type JourneyTypeViewName = (typeof VIEWS)[number];

export function isJourneyTypeView(value: string | undefined): value is JourneyTypeViewName {
  return (VIEWS as readonly (string | undefined)[]).includes(value);
}

/** The address of a journey type's map or settings: a link to share or open in another tab. */
export function journeyTypePath(type: Pick<JourneyType, 'id'>, view: JourneyTypeViewName): string {
  return `/journeys/${encodeURIComponent(type.id)}/${view}`;
}

interface JourneyTypeViewProps {
  client: ApiClient;
  type: JourneyType;
  view: JourneyTypeViewName;
  canPublish: boolean;
}

/** One journey type: its map with where patients are now, and its program settings. */
export function JourneyTypeView({ client, type, view, canPublish }: JourneyTypeViewProps) {
  const navigate = useNavigate();
  const id = useId();
  // Tabs are links: each view has its own address, and Back returns to the other one.
  const tab = (value: JourneyTypeViewName, label: string) => (
    <Link
      to={journeyTypePath(type, value)}
      role="tab"
      id={`${id}-${value}-tab`}
      aria-selected={view === value}
      aria-controls={`${id}-${value}`}
      tabIndex={view === value ? 0 : -1}
      className={view === value ? 'tab selected' : 'tab'}
      onKeyDown={(event) => {
        // Arrow keys move between the two tabs, as WAI-ARIA tabs do.
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next: JourneyTypeViewName = view === 'map' ? 'settings' : 'map';
          void navigate(journeyTypePath(type, next));
          document.getElementById(`${id}-${next}-tab`)?.focus();
        }
      }}
    >
      {label}
    </Link>
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
          <SettingsJourneyTypeMap client={client} type={type} />
        ) : (
          // Coded journeys and definitions alike: a definition's schema is its latest version's declarations.
          <ProgramSettingsPanel client={client} journeyType={type} canPublish={canPublish} />
        )}
      </div>
    </section>
  );
}

/** A journey type's map, drawn with its current program settings (its escalation plan's real steps). */
function SettingsJourneyTypeMap({ client, type }: { client: ApiClient; type: JourneyType }) {
  const { resource: settings } = useApiResource(client, '/api/programs/{journeyType}/settings', {
    params: { path: { journeyType: type.id } },
  });
  return (
    <JourneyTypeMap
      client={client}
      type={type}
      settings={settings.status === 'ready' ? settings.data.settings : undefined}
    />
  );
}

interface JourneyTypeMapProps {
  client: ApiClient;
  type: JourneyType;
  settings: Record<string, unknown> | undefined;
}

function JourneyTypeMap({ client, type, settings }: JourneyTypeMapProps) {
  const { resource: stats, reload } = useApiResource(client, '/api/journey-types/{journeyType}/stats', {
    params: { path: { journeyType: type.id } },
    refreshMs: OVERLAY_REFRESH_MS,
  });
  const overlay = useMemo(() => (stats.status === 'ready' ? statsOverlay(stats.data) : undefined), [stats]);
  return (
    <>
      {stats.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          Patient counts are unavailable: {stats.message}
        </Notice>
      )}
      <JourneyMap title={type.title} blueprint={type.blueprint} settings={settings} overlay={overlay} />
    </>
  );
}
