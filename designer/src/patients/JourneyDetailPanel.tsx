import { useEffect, useRef } from 'react';
import type { ApiClient, JourneyType } from '../api';
import { Countdown } from '../Countdown';
import { DateTime } from '../DateTime';
import { PinnedSendEventForm } from '../events/PinnedSendEventForm';
import { safeHttpUrl } from '../format';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import { useApiResource } from '../useApiResource';
import { DeadlinesList } from './DeadlinesList';
import { JourneyAlerts } from './JourneyAlerts';
import { JourneyControls } from './JourneyControls';
import { JourneyMapAsEnrolled } from './JourneyMapAsEnrolled';
import { LiveStatus } from './LiveStatus';
import { MessagesReceived } from './MessagesReceived';

/** An EHR event moves the journey within a second or two; the open detail follows it. */
const DETAIL_REFRESH_MS = 4_000;

interface JourneyDetailPanelProps {
  client: ApiClient;
  journeyId: string;
  types: JourneyType[];
  /**
   * Operators steer journeys, and may read them decoded in the Temporal Web UI (following the
   * link opens a codec session).
   */
  isOperator: boolean;
  onClose: () => void;
}

export function JourneyDetailPanel({
  client,
  journeyId,
  types,
  isOperator,
  onClose,
}: JourneyDetailPanelProps) {
  const { resource, reload, refresh } = useApiResource(client, '/api/journeys/{id}', {
    params: { path: { id: journeyId } },
    refreshMs: DETAIL_REFRESH_MS,
  });
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus (and the viewport) to the detail whenever another journey is chosen.
  useEffect(() => {
    heading.current?.focus();
  }, [journeyId]);

  const journey = resource.status === 'ready' ? resource.data : undefined;
  const type = journey && types.find((candidate) => candidate.id === journey.journey);
  const temporalUrl = journey ? safeHttpUrl(journey.temporalUiUrl) : undefined;
  const running = journey?.status === 'active' || journey?.status === 'paused';

  return (
    <section className="panel detail" aria-labelledby="journey-detail-heading">
      <div className="panel-header">
        <h2 id="journey-detail-heading" ref={heading} tabIndex={-1}>
          Journey <code>{journeyId}</code>
        </h2>
        <div className="toolbar">
          {resource.status === 'ready' && (
            <LiveStatus refreshedAt={resource.refreshedAt} refreshError={resource.refreshError} />
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={reload}
            disabled={resource.status === 'loading'}
          >
            Refresh
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>

      {resource.status === 'loading' && <Notice tone="loading">Loading the journey…</Notice>}
      {resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {journey && (
        <>
          <JourneyAlerts client={client} journey={journey} refreshMs={running ? DETAIL_REFRESH_MS : null} />
          <dl className="facts">
            <div>
              <dt>Type</dt>
              <dd>{type?.title ?? journey.journey}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={journey.status} />
              </dd>
            </div>
            <div>
              <dt>Stage</dt>
              <dd>
                {type?.blueprint.nodes.find((node) => node.id === journey.stage)?.label ?? journey.stage}
              </dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>
                <DateTime value={journey.startedAt} />
              </dd>
            </div>
            {journey.closedAt && (
              <div>
                <dt>Closed</dt>
                <dd>
                  <DateTime value={journey.closedAt} />
                </dd>
              </div>
            )}
            <div>
              <dt>Settings</dt>
              <dd title="A journey keeps the settings version it was enrolled with.">
                version {journey.settingsVersion}
              </dd>
            </div>
          </dl>

          {temporalUrl && (
            <p>
              <a
                href={temporalUrl}
                target="_blank"
                rel="noopener noreferrer"
                onClick={isOperator ? () => void client.openCodecSession?.() : undefined}
              >
                Open in Temporal Web UI
              </a>
            </p>
          )}

          {isOperator && running && (
            <div className="detail-columns">
              <JourneyControls client={client} journey={journey} onChanged={refresh} />
              {type && (
                <PinnedSendEventForm
                  client={client}
                  journeyId={journey.id}
                  type={type}
                  definitionVersion={journey.definitionVersion}
                  onSent={refresh}
                />
              )}
            </div>
          )}

          {type && (
            <JourneyMapAsEnrolled
              client={client}
              type={type}
              settingsVersion={journey.settingsVersion}
              stage={journey.stage}
              {...(journey.definitionVersion === undefined
                ? {}
                : { definitionVersion: journey.definitionVersion })}
            />
          )}

          <div className="detail-columns">
            <div>
              <h3>Timeline</h3>
              {journey.timeline.length === 0 ? (
                <Notice tone="empty">Nothing has happened yet.</Notice>
              ) : (
                <ol className="timeline" aria-label="Timeline">
                  {journey.timeline.map((entry, index) => (
                    <li key={`${entry.at}-${index}`}>
                      <DateTime value={entry.at} />
                      <span className={`kind kind-${entry.kind}`}>{entry.kind}</span>
                      <span>{entry.summary}</span>
                      <span className="cause">by {entry.by}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h3>Deadlines</h3>
              {journey.deadlines.length === 0 ? (
                <Notice tone="empty">This journey has no deadlines.</Notice>
              ) : (
                <DeadlinesList deadlines={journey.deadlines} />
              )}
              <h3>Upcoming timers</h3>
              {journey.upcoming.length === 0 ? (
                <Notice tone="empty">No timers are scheduled.</Notice>
              ) : (
                <ul className="upcoming" aria-label="Upcoming timers">
                  {journey.upcoming.map((timer) => (
                    <li key={timer.id}>
                      <span>{timer.label}</span>
                      <span>
                        <DateTime value={timer.dueAt} /> (<Countdown dueAt={timer.dueAt} pastLabel="ago" />)
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <h3>Messages sent</h3>
              <MessagesReceived
                client={client}
                journeyId={journeyId}
                held={journey.heldMessages}
                refreshMs={running ? DETAIL_REFRESH_MS : null}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
