import { useId, useState } from 'react';
import { type ApiClient, type JourneyFilters, type JourneyType, NO_FILTERS } from '../api';
import { JourneyDetailPanel } from './JourneyDetailPanel';
import { JourneyFiltersBar } from './JourneyFiltersBar';
import { JourneysTable } from './JourneysTable';
import { LiveStatus } from './LiveStatus';
import { useJourneys } from './useJourneys';

/** New enrolments appear within seconds while the list is open. */
const LIST_REFRESH_MS = 5_000;

interface PatientsScreenProps {
  client: ApiClient;
  types: JourneyType[];
  isOperator: boolean;
}

/** Patients in journeys, filtered and paged; a row opens the journey's detail below. */
export function PatientsScreen({ client, types, isOperator }: PatientsScreenProps) {
  const [filters, setFilters] = useState<JourneyFilters>(NO_FILTERS);
  const [live, setLive] = useState(true);
  // Component state only: journey ids stay out of the URL and the browser history.
  const [selected, setSelected] = useState<string>();
  const { state, loadMore, reload } = useJourneys(client, filters, live ? LIST_REFRESH_MS : null);
  const liveId = useId();

  return (
    <div className="stack page">
      <section className="panel" aria-labelledby="patients-heading">
        <div className="panel-header">
          <h2 id="patients-heading">Patients in journeys</h2>
          <div className="toolbar">
            <LiveStatus refreshedAt={state.refreshedAt} refreshError={state.refreshError} />
            <span className="checkbox-field">
              <input
                id={liveId}
                type="checkbox"
                checked={live}
                onChange={(event) => setLive(event.target.checked)}
              />
              <label htmlFor={liveId}>Live updates</label>
            </span>
            <button
              type="button"
              className="button-secondary"
              onClick={reload}
              disabled={state.phase === 'loading'}
            >
              Refresh
            </button>
          </div>
        </div>
        <JourneyFiltersBar types={types} filters={filters} onChange={setFilters} />
        <JourneysTable
          types={types}
          filters={filters}
          state={state}
          selectedId={selected}
          onSelect={setSelected}
          onLoadMore={loadMore}
          onReload={reload}
        />
      </section>
      {selected && (
        <JourneyDetailPanel
          key={selected}
          client={client}
          journeyId={selected}
          types={types}
          isOperator={isOperator}
          onClose={() => setSelected(undefined)}
        />
      )}
    </div>
  );
}
