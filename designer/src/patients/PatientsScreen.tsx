import { useId, useState } from 'react';
import { type ApiClient, type JourneyType, NO_PATIENT_SEARCH, type PatientSearch } from '../api';
import { JourneyFiltersBar } from './JourneyFiltersBar';
import { JourneysTable } from './JourneysTable';
import { LiveStatus } from './LiveStatus';
import { PatientSearchForm } from './PatientSearchForm';
import { useJourneyFilters } from './useJourneyFilters';
import { useJourneys } from './useJourneys';

/** New enrolments appear within seconds while the list is open. */
const LIST_REFRESH_MS = 5_000;

interface PatientsScreenProps {
  client: ApiClient;
  types: JourneyType[];
}

/**
 * Patients in journeys, filtered and sorted (in the address), searched by patient (in memory
 * only: a patient id never goes into the address or the browser history) and paged; a journey
 * opens on its own page.
 */
export function PatientsScreen({ client, types }: PatientsScreenProps) {
  const [filters, setFilters] = useJourneyFilters();
  const [search, setSearch] = useState<PatientSearch>(NO_PATIENT_SEARCH);
  const [live, setLive] = useState(true);
  const { state, loadMore, reload } = useJourneys(client, filters, search, live ? LIST_REFRESH_MS : null);
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
        <PatientSearchForm search={search} onSearch={setSearch} />
        <JourneyFiltersBar types={types} filters={filters} onChange={setFilters} />
        <JourneysTable
          types={types}
          filters={filters}
          searched={Boolean(search.patientId)}
          state={state}
          onLoadMore={loadMore}
          onReload={reload}
        />
      </section>
    </div>
  );
}
