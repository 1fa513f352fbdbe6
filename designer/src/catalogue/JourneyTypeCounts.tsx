import type { JourneyTypeStats } from '../api';
import type { Resource } from '../useApiResource';

/** Running, completed, dropped-off and breached journeys of one type, as a small definition list. */
export function JourneyTypeCounts({ stats }: { stats: Resource<JourneyTypeStats> }) {
  if (stats.status === 'loading') return <p className="muted">Counting journeys…</p>;
  if (stats.status === 'error') return <p className="muted">Counts unavailable: {stats.message}</p>;
  const { running, paused, completed, droppedOff, breached } = stats.data;
  return (
    <dl className="counts" aria-label="Journeys">
      <div>
        <dt>Running</dt>
        <dd>
          {running}
          {paused > 0 && <span className="muted"> ({paused} paused)</span>}
        </dd>
      </div>
      <div>
        <dt>Completed</dt>
        <dd>{completed}</dd>
      </div>
      <div>
        <dt>Dropped off</dt>
        <dd>{droppedOff}</dd>
      </div>
      <div className={breached > 0 ? 'count-alert' : undefined}>
        <dt>Breached</dt>
        <dd>{breached}</dd>
      </div>
    </dl>
  );
}
