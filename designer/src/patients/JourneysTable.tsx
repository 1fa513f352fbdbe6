import { useId, useState } from 'react';
import { type ApiClient, STATUS_FILTERS, type StatusFilter } from './api';
import { DateTime } from './DateTime';
import { Notice } from './Notice';
import { StatusBadge } from './StatusBadge';
import { useJourneys } from './useJourneys';

interface JourneysTableProps {
  client: ApiClient;
  selectedId?: string;
  onSelect: (journeyId: string) => void;
}

export function JourneysTable({ client, selectedId, onSelect }: JourneysTableProps) {
  const [status, setStatus] = useState<StatusFilter | ''>('');
  const { state, loadMore, reload } = useJourneys(client, status);
  const filterId = useId();

  return (
    <section className="panel" aria-labelledby="journeys-heading">
      <div className="panel-header">
        <h2 id="journeys-heading">Journeys</h2>
        <div className="toolbar">
          <label htmlFor={filterId}>Status</label>
          <select
            id={filterId}
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter | '')}
          >
            <option value="">All</option>
            {STATUS_FILTERS.map((value) => (
              <option key={value} value={value}>
                {value[0]?.toUpperCase()}
                {value.slice(1)}
              </option>
            ))}
          </select>
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

      {state.phase === 'loading' && <Notice tone="loading">Loading journeys…</Notice>}
      {state.phase === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {state.error}
        </Notice>
      )}
      {state.phase === 'ready' && state.items.length === 0 && (
        <Notice tone="empty">{status ? `No ${status} journeys.` : 'No journeys yet.'}</Notice>
      )}
      {state.phase === 'ready' && state.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">
                Journeys, newest first{status ? `, ${status} only` : ''}. Choose a journey to see its
                timeline.
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
                      <td>{journey.journey}</td>
                      <td>
                        <StatusBadge status={journey.status} />
                      </td>
                      <td>{journey.stage}</td>
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
            <span className="muted" role="status">
              {state.items.length} shown{state.nextPageToken ? '' : ' (all)'}
            </span>
            {state.nextPageToken && (
              <button type="button" onClick={loadMore} disabled={state.loadingMore}>
                {state.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
          {state.loadMoreError && (
            <Notice tone="error" onRetry={loadMore}>
              {state.loadMoreError}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
