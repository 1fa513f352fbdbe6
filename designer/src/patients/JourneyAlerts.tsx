import { HELD_EVENTS_FACT } from '../../../contracts/journey-facts';
import type { ApiClient, Deadline, JourneyDetail } from '../api';
import { Countdown } from '../Countdown';
import { DateTime } from '../DateTime';
import { useApiResource } from '../useApiResource';

/** A pending deadline due within this long is near enough to show among the alerts. */
const NEAR_MS = 24 * 60 * 60 * 1000;

interface JourneyAlertsProps {
  readonly client: ApiClient;
  readonly journey: JourneyDetail;
  readonly refreshMs: number | null;
}

/**
 * What needs someone now, above everything else on the journey's page: breached and near
 * deadlines, open urgent tasks of this journey, EHR events kept until the step they follow, and
 * messages held back until the patient's morning (or the daily cap). Nothing to act on says so.
 */
export function JourneyAlerts({ client, journey, refreshMs }: JourneyAlertsProps) {
  const { resource: urgent } = useApiResource(client, '/api/staff-tasks', {
    params: { query: { journeyId: journey.id, priority: 'urgent', status: ['open', 'claimed'] } },
    refreshMs,
  });
  const now = Date.now();
  const breached = journey.deadlines.filter((deadline) => deadline.status === 'breached');
  const near = journey.deadlines.filter(
    (deadline) =>
      deadline.status === 'pending' &&
      (deadline.warnedAt !== undefined || new Date(deadline.dueAt).getTime() - now < NEAR_MS),
  );
  const tasks = urgent.status === 'ready' ? urgent.data.items : [];
  const held = journey.heldMessages;
  const heldEvents = journey.facts[HELD_EVENTS_FACT];
  const none =
    breached.length + near.length + tasks.length + held.length === 0 && typeof heldEvents !== 'string';

  return (
    <section className="alerts" aria-labelledby="journey-alerts-heading">
      <h3 id="journey-alerts-heading">Alerts</h3>
      {none && urgent.status !== 'loading' ? (
        <p className="muted">
          Nothing needs attention: no breached or near deadline, urgent task, held event or held message.
        </p>
      ) : (
        <ul className="alert-list" aria-label="Alerts">
          {breached.map((deadline) => (
            <DeadlineAlert key={deadline.id} deadline={deadline} tone="breached" />
          ))}
          {near.map((deadline) => (
            <DeadlineAlert key={deadline.id} deadline={deadline} tone="near" />
          ))}
          {tasks.map((task) => (
            <li key={task.id} className="alert alert-urgent">
              <strong>Urgent task:</strong> {task.title}
              {task.dueAt ? (
                <>
                  {' '}
                  (<Countdown dueAt={task.dueAt} />)
                </>
              ) : null}
              {task.claimedBy ? <span className="muted"> claimed by {task.claimedBy}</span> : null}
            </li>
          ))}
          {typeof heldEvents === 'string' && (
            <li className="alert alert-held">
              <strong>Held EHR events:</strong> {heldEvents}, kept until the journey reaches the step they
              follow
            </li>
          )}
          {held.map((message) => (
            <li key={`${message.step}-${message.heldAt}`} className="alert alert-held">
              <strong>Held message:</strong> {message.label},{' '}
              {message.reason === 'quiet-hours' ? 'waiting for the patient’s morning' : 'over the daily cap'},
              goes <DateTime value={message.until} />
            </li>
          ))}
        </ul>
      )}
      {urgent.status === 'error' && (
        <p className="field-error">Urgent tasks could not be read: {urgent.message}</p>
      )}
    </section>
  );
}

function DeadlineAlert({
  deadline,
  tone,
}: {
  readonly deadline: Deadline;
  readonly tone: 'breached' | 'near';
}) {
  return (
    <li className={`alert alert-${tone}`}>
      <strong>{tone === 'breached' ? 'Breached deadline:' : 'Deadline near:'}</strong> {deadline.label}, due{' '}
      <DateTime value={deadline.dueAt} /> (<Countdown dueAt={deadline.dueAt} />)
    </li>
  );
}
