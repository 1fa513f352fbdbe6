import type { JourneyFilters, JourneyType } from '../api';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import { type JourneysState } from './useJourneys';

interface JourneysTableProps {
  types: JourneyType[];
  filters: JourneyFilters;
  state: JourneysState;
  selectedId?: string;
  onSelect: (journeyId: string) => void;
  onLoadMore: () => void;
  onReload: () => void;
}

/** Journeys newest first, a page at a time; a row opens the journey's detail. */
export function JourneysTable({
  types,
  filters,
  state,
  selectedId,
  onSelect,
  onLoadMore,
  onReload,
}: JourneysTableProps) {
  const typeOf = (id: string) => types.find((type) => type.id === id);
  const stageLabel = (journey: string, stage: string) =>
    typeOf(journey)?.blueprint.nodes.find((node) => node.id === stage)?.label ?? stage;
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
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Journeys, newest first. Choose a journey to see its map, timeline and timers.
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
              const selected = journey.id === selectedId;
              return (
                <tr
                  key={journey.id}
                  className={selected ? 'selected' : undefined}
                  onClick={() => onSelect(journey.id)}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={selected}
                      onClick={(event) => {
                        event.stopPropagation();
                        onSelect(journey.id);
                      }}
                    >
                      <code>{journey.id}</code>
                    </button>
                  </th>
                  <td>{typeOf(journey.journey)?.title ?? journey.journey}</td>
                  <td>
                    <StatusBadge status={journey.status} />
                  </td>
                  <td>{stageLabel(journey.journey, journey.stage)}</td>
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
