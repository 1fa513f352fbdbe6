import { useEffect, useState } from 'react';
import { type ApiClient, messageOf } from './api';
import { Notice } from './Notice';
import { useApiResource } from './useApiResource';
import {
  noFilters,
  rangeLabel,
  workListQuery,
  type WorkListFilters as Filters,
} from './queue/work-list-query';
import { WorkListFilters } from './queue/WorkListFilters';
import { rowIdOf, WorkListRow } from './queue/WorkListRow';
import './queue/work-list.css';

interface StaffQueuePanelProps {
  client: ApiClient;
  /** The signed-in operator: claims are made in this name. */
  operatorName: string;
}

/**
 * The staff work list: open and claimed tasks with their patient (operators), journey, reason,
 * due time and who holds them; filtered, sorted and paged by the API with the total shown.
 * After an action the list is read again quietly and focus stays on the task's row.
 */
export function StaffQueuePanel({ client, operatorName }: Readonly<StaffQueuePanelProps>) {
  const [filters, setFilters] = useState<Filters>(noFilters);
  // The tokens of the pages before this one: "Previous" pops, "Next" pushes.
  const [pageTokens, setPageTokens] = useState<string[]>([]);
  const { resource, reload, refresh } = useApiResource(client, '/api/staff-tasks', {
    params: { query: workListQuery(filters, pageTokens.at(-1)) },
  });
  const { resource: types } = useApiResource(client, '/api/journey-types');
  const [actionError, setActionError] = useState<string>();
  const [busyTask, setBusyTask] = useState<string>();
  // Where focus goes once the list has been read again after an action (see below).
  const [focusRequest, setFocusRequest] = useState<{ taskId: string; index: number; after: Date }>();

  useEffect(() => {
    if (!focusRequest || resource.status !== 'ready' || resource.refreshedAt < focusRequest.after) return;
    setFocusRequest(undefined);
    // The task's row; a task that left the list (completed) gives its place to the next one.
    const rows = resource.data.items;
    const target =
      rows.find((task) => task.id === focusRequest.taskId) ??
      rows[Math.min(focusRequest.index, rows.length - 1)];
    (target
      ? document.getElementById(rowIdOf(target.id))
      : document.getElementById('staff-queue-heading')
    )?.focus();
  }, [focusRequest, resource]);

  const page = resource.status === 'ready' ? resource.data : undefined;

  function changeFilters(next: Filters): void {
    setFilters(next);
    setPageTokens([]);
  }

  async function act(taskId: string, action: () => Promise<unknown>): Promise<void> {
    setBusyTask(taskId);
    setActionError(undefined);
    try {
      await action();
    } catch (error) {
      setActionError(messageOf(error));
    } finally {
      setBusyTask(undefined);
      const index = page?.items.findIndex((task) => task.id === taskId) ?? 0;
      setFocusRequest({ taskId, index: Math.max(index, 0), after: new Date() });
      refresh();
    }
  }

  const showsPatients = page?.items.some((task) => task.patient !== undefined) ?? false;
  return (
    <section className="panel" aria-labelledby="staff-queue-heading">
      <div className="panel-header">
        <h2 id="staff-queue-heading" tabIndex={-1}>
          Staff work queue
        </h2>
        <div className="toolbar">
          <button type="button" className="button-secondary" onClick={reload}>
            Refresh
          </button>
        </div>
      </div>
      <WorkListFilters
        filters={filters}
        journeyTypes={types.status === 'ready' ? types.data : []}
        onChange={changeFilters}
      />
      {actionError && <Notice tone="error">{actionError}</Notice>}
      {resource.status === 'loading' && <Notice tone="loading">Loading tasks…</Notice>}
      {resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {page && page.items.length === 0 && <Notice tone="empty">No tasks match.</Notice>}
      {page && page.items.length > 0 && (
        <>
          <table className="work-list">
            <thead>
              <tr>
                {showsPatients && <th scope="col">Patient</th>}
                <th scope="col">Journey</th>
                <th scope="col">Task</th>
                <th scope="col">Due</th>
                <th scope="col">Claimed by</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((task) => (
                <WorkListRow
                  key={task.id}
                  task={task}
                  operatorName={operatorName}
                  busy={busyTask === task.id}
                  onClaim={() =>
                    void act(task.id, () =>
                      client.post('/api/staff-tasks/{id}/claim', {
                        params: { path: { id: task.id } },
                        body: { assignee: operatorName },
                      }),
                    )
                  }
                  onComplete={(outcome) =>
                    void act(task.id, () =>
                      client.post('/api/staff-tasks/{id}/complete', {
                        params: { path: { id: task.id } },
                        body: { outcome },
                      }),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
          <nav className="work-list-pager" aria-label="Pages of tasks">
            <button
              type="button"
              className="button-secondary"
              disabled={pageTokens.length === 0}
              onClick={() => setPageTokens((tokens) => tokens.slice(0, -1))}
            >
              Previous
            </button>
            <span role="status">{rangeLabel(page.offset, page.items.length, page.total)}</span>
            <button
              type="button"
              className="button-secondary"
              disabled={!page.nextPageToken}
              onClick={() =>
                page.nextPageToken && setPageTokens((tokens) => [...tokens, page.nextPageToken!])
              }
            >
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
