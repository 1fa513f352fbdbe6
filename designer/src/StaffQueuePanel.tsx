import { useState } from 'react';
import { type ApiClient, messageOf } from './api';
import { DateTime } from './DateTime';
import { Notice } from './Notice';
import { useApiResource } from './useApiResource';

/** Outcomes staff record most; the API accepts any lowercase word. */
const OUTCOMES = ['reached', 'no-answer', 'left-message', 'booked', 'declined', 'done'] as const;

interface StaffQueuePanelProps {
  client: ApiClient;
  /** The signed-in operator: claims are made in this name. */
  operatorName: string;
}

/** Open staff tasks, urgent first then by due time: claim one, call, record the outcome. */
export function StaffQueuePanel({ client, operatorName }: StaffQueuePanelProps) {
  const { resource, reload } = useApiResource(client, '/api/staff-tasks', {
    params: { query: { status: ['open', 'claimed'] } },
  });
  const [actionError, setActionError] = useState<string>();
  const [busyTask, setBusyTask] = useState<string>();

  async function act(taskId: string, action: () => Promise<unknown>): Promise<void> {
    setBusyTask(taskId);
    setActionError(undefined);
    try {
      await action();
    } catch (error) {
      setActionError(messageOf(error));
    } finally {
      setBusyTask(undefined);
      reload();
    }
  }

  return (
    <section className="panel" aria-labelledby="staff-queue-heading">
      <div className="panel-header">
        <h2 id="staff-queue-heading">Staff work queue</h2>
        <div className="toolbar">
          <button type="button" className="button-secondary" onClick={reload}>
            Refresh
          </button>
        </div>
      </div>
      {actionError && <Notice tone="error">{actionError}</Notice>}
      {resource.status === 'loading' && <Notice tone="loading">Loading open tasks…</Notice>}
      {resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {resource.status === 'ready' && resource.data.length === 0 && (
        <Notice tone="empty">No open tasks.</Notice>
      )}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <ul className="task-list">
          {resource.data.map((task) => (
            <li key={task.id} aria-label={task.title}>
              <p>
                {task.priority === 'urgent' && <strong className="badge">urgent</strong>} {task.title}
              </p>
              <p className="muted">
                {task.dueAt ? (
                  <>
                    Due <DateTime value={task.dueAt} />
                  </>
                ) : (
                  'No due time'
                )}
                {task.claimedBy ? ` · claimed by ${task.claimedBy}` : ' · unclaimed'}
              </p>
              {task.claimedBy === operatorName ? (
                <CompleteTaskForm
                  busy={busyTask === task.id}
                  onComplete={(outcome) =>
                    act(task.id, () =>
                      client.post('/api/staff-tasks/{id}/complete', {
                        params: { path: { id: task.id } },
                        body: { outcome },
                      }),
                    )
                  }
                />
              ) : (
                <button
                  type="button"
                  disabled={busyTask === task.id}
                  onClick={() =>
                    act(task.id, () =>
                      client.post('/api/staff-tasks/{id}/claim', {
                        params: { path: { id: task.id } },
                        body: { assignee: operatorName },
                      }),
                    )
                  }
                >
                  Claim
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CompleteTaskForm({ busy, onComplete }: { busy: boolean; onComplete: (outcome: string) => void }) {
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  return (
    <form
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        onComplete(outcome);
      }}
    >
      <label>
        Outcome{' '}
        <select value={outcome} onChange={(event) => setOutcome(event.target.value)}>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Complete
      </button>
    </form>
  );
}
