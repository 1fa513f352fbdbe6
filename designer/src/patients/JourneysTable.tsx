import { Link, useLocation } from 'react-router';
import type { JourneyFilters, JourneySummary, JourneyType } from '../api';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import { NARROW_SCREEN, useMediaQuery } from '../useMediaQuery';
import { type JourneysState } from './useJourneys';

interface JourneysTableProps {
  types: JourneyType[];
  filters: JourneyFilters;
  state: JourneysState;
  onLoadMore: () => void;
  onReload: () => void;
}

/**
 * Journeys newest first, a page at a time; each links to the journey's own page. On a phone the
 * rows are cards, so nothing scrolls sideways.
 */
export function JourneysTable({ types, filters, state, onLoadMore, onReload }: JourneysTableProps) {
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
  const filtered = filters.journey || filters.stage || filters.status || filters.overdue;

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
        <ul className="cards" aria-label="Journeys, newest first">
          {state.items.map((journey) => {
            const { href, type, stage } = row(journey);
            return (
              <li key={journey.id} className="card">
                <Link to={href} className="card-title">
                  <code>{journey.id}</code>
                </Link>
                <dl className="card-facts">
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
              Journeys, newest first. Open a journey to see its map, timeline and timers.
            </caption>
            <thead>
              <tr>
                <th scope="col">Journey</th>
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
