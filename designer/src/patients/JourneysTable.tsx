import { Link, useLocation } from 'react-router';
import type { JourneyFilters, JourneySummary, JourneyType } from '../api';
import { Countdown } from '../Countdown';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import { NARROW_SCREEN, useMediaQuery } from '../useMediaQuery';
import { type JourneysState } from './useJourneys';

interface JourneysTableProps {
  types: JourneyType[];
  filters: JourneyFilters;
  /** A patient search is on (it is not in the filters: it never goes into the address). */
  searched: boolean;
  state: JourneysState;
  onLoadMore: () => void;
  onReload: () => void;
}

/**
 * Journeys newest first (or most overdue first), a page at a time; each links to the journey's own
 * page. Operators see each patient's name and birth date (the API sends them to operators only).
 * On a phone the rows are cards, so nothing scrolls sideways.
 */
export function JourneysTable({ types, filters, searched, state, onLoadMore, onReload }: JourneysTableProps) {
  const narrow = useMediaQuery(NARROW_SCREEN);
  // The journey's page keeps the list's filters, so "Back to patients" returns to this very list.
  const { search } = useLocation();
  const typeOf = (id: string) => types.find((type) => type.id === id);
  const row = (journey: JourneySummary) => ({
    href: `/patients/${encodeURIComponent(journey.id)}${search}`,
    type: typeOf(journey.journey)?.title ?? journey.journey,
    stage:
      typeOf(journey.journey)?.blueprint.nodes.find((node) => node.id === journey.stage)?.label ??
      journey.stage,
  });
  const filtered = filters.journey || filters.stage || filters.status || filters.overdue || searched;
  const showsPatients = state.items.some((journey) => journey.patient !== undefined);
  const order = filters.sort === 'next-deadline' ? 'most overdue and soonest due first' : 'newest first';

  if (state.phase === 'loading') return <Notice tone="loading">Loading journeys…</Notice>;
  if (state.phase === 'error')
    return (
      <Notice tone="error" onRetry={onReload}>
        {state.error}
      </Notice>
    );
  if (state.items.length === 0)
    return <Notice tone="empty">{filtered ? 'No journeys match these filters.' : 'No journeys yet.'}</Notice>;

  return (
    <>
      {narrow ? (
        <ul className="cards" aria-label={`Journeys, ${order}`}>
          {state.items.map((journey) => {
            const { href, type, stage } = row(journey);
            return (
              <li key={journey.id} className="card">
                <Link to={href} className="card-title">
                  <code>{journey.id}</code>
                </Link>
                <dl className="card-facts">
                  {showsPatients && (
                    <>
                      <dt>Patient</dt>
                      <dd>
                        <PatientCell patient={journey.patient} />
                      </dd>
                    </>
                  )}
                  <dt>Next deadline</dt>
                  <dd>
                    <NextDeadlineCell journey={journey} />
                  </dd>
                  <dt>Overdue by</dt>
                  <dd>
                    <OverdueCell journey={journey} />
                  </dd>
                  <dt>Type</dt>
                  <dd>{type}</dd>
                  <dt>Status</dt>
                  <dd>
                    <StatusBadge status={journey.status} />
                  </dd>
                  <dt>Stage</dt>
                  <dd>{stage}</dd>
                  <dt>Started</dt>
                  <dd>
                    <DateTime value={journey.startedAt} />
                  </dd>
                  {journey.closedAt && (
                    <>
                      <dt>Closed</dt>
                      <dd>
                        <DateTime value={journey.closedAt} />
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              Journeys, {order}. Open a journey to see its alerts, map, timeline and timers.
            </caption>
            <thead>
              <tr>
                <th scope="col">Journey</th>
                {showsPatients && <th scope="col">Patient</th>}
                <th scope="col">Next deadline</th>
                <th scope="col">Overdue by</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Stage</th>
                <th scope="col">Started</th>
                <th scope="col">Closed</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((journey) => {
                const { href, type, stage } = row(journey);
                return (
                  <tr key={journey.id}>
                    <th scope="row">
                      <Link to={href}>
                        <code>{journey.id}</code>
                      </Link>
                    </th>
                    {showsPatients && (
                      <td>
                        <PatientCell patient={journey.patient} />
                      </td>
                    )}
                    <td>
                      <NextDeadlineCell journey={journey} />
                    </td>
                    <td>
                      <OverdueCell journey={journey} />
                    </td>
                    <td>{type}</td>
                    <td>
                      <StatusBadge status={journey.status} />
                    </td>
                    <td>{stage}</td>
                    <td>
                      <DateTime value={journey.startedAt} />
                    </td>
                    <td>
                      {journey.closedAt ? (
                        <DateTime value={journey.closedAt} />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="table-footer">
        <span className="muted">
          {state.items.length} shown{state.nextPageToken ? '' : ' (all)'}
          {filters.sort === 'next-deadline' && state.truncated
            ? '. More journeys have an open deadline than the list can order: the 10,000 due first come first, the others follow with the journeys without one.'
            : ''}
        </span>
        {state.nextPageToken && (
          <button type="button" onClick={onLoadMore} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      {state.loadMoreError && (
        <Notice tone="error" onRetry={onLoadMore}>
          {state.loadMoreError}
        </Notice>
      )}
    </>
  );
}

function PatientCell({ patient }: { readonly patient: JourneySummary['patient'] }) {
  if (!patient) return <span className="muted">Not found in the EHR</span>;
  return (
    <span className="patient-cell">
      <span>{patient.name}</span>
      {patient.birthDate && <span className="muted"> born {patient.birthDate}</span>}
    </span>
  );
}

function NextDeadlineCell({ journey }: { readonly journey: JourneySummary }) {
  if (!journey.nextDeadline) return <span className="muted">—</span>;
  return (
    <span>
      {journey.nextDeadline.label}, <DateTime value={journey.nextDeadline.dueAt} />
    </span>
  );
}

function OverdueCell({ journey }: { readonly journey: JourneySummary }) {
  if (!journey.overdueSince) return <span className="muted">—</span>;
  return <Countdown dueAt={journey.overdueSince} pastLabel="overdue" />;
}
