import { useEffect, useRef } from 'react';
import { type ApiClient, type JourneyDetail, journeyPath } from './api';
import { DateTime } from './DateTime';
import { JourneyControls } from './JourneyControls';
import { safeHttpUrl } from './format';
import { MessagesReceived } from './MessagesReceived';
import { Notice } from './Notice';
import { StatusBadge } from './StatusBadge';
import { useApiResource } from './useApiResource';

interface JourneyDetailPanelProps {
  client: ApiClient;
  journeyId: string;
  /**
   * Operators steer journeys, and may read them decoded in the Temporal Web UI (following the
   * link opens a codec session).
   */
  isOperator: boolean;
  onClose: () => void;
}

export function JourneyDetailPanel({ client, journeyId, isOperator, onClose }: JourneyDetailPanelProps) {
  const { resource, reload } = useApiResource<JourneyDetail>(client, journeyPath(journeyId));
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus (and the viewport) to the detail whenever another journey is chosen.
  useEffect(() => {
    heading.current?.focus();
  }, [journeyId]);

  const temporalUrl = resource.status === 'ready' ? safeHttpUrl(resource.data.temporalUiUrl) : undefined;

  return (
    <section className="panel detail" aria-labelledby="journey-detail-heading">
      <div className="panel-header">
        <h2 id="journey-detail-heading" ref={heading} tabIndex={-1}>
          Journey <code>{journeyId}</code>
        </h2>
        <div className="toolbar">
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
      {resource.status === 'ready' && (
        <>
          <dl className="facts">
            <div>
              <dt>Type</dt>
              <dd>{resource.data.journey}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={resource.data.status} />
              </dd>
            </div>
            <div>
              <dt>Stage</dt>
              <dd>{resource.data.stage}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>
                <DateTime value={resource.data.startedAt} />
              </dd>
            </div>
            {resource.data.closedAt && (
              <div>
                <dt>Closed</dt>
                <dd>
                  <DateTime value={resource.data.closedAt} />
                </dd>
              </div>
            )}
          </dl>

          {isOperator && <JourneyControls client={client} journey={resource.data} onChanged={reload} />}

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

          <div className="detail-columns">
            <div>
              <h3>Timeline</h3>
              {resource.data.timeline.length === 0 ? (
                <Notice tone="empty">Nothing has happened yet.</Notice>
              ) : (
                <ol className="timeline">
                  {resource.data.timeline.map((entry, index) => (
                    <li key={`${entry.at}-${index}`}>
                      <DateTime value={entry.at} />
                      <span className={`kind kind-${entry.kind}`}>{entry.kind}</span>
                      <span>{entry.summary}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h3>Upcoming timers</h3>
              {resource.data.upcoming.length === 0 ? (
                <Notice tone="empty">No timers are scheduled.</Notice>
              ) : (
                <ul className="upcoming">
                  {resource.data.upcoming.map((timer) => (
                    <li key={timer.id}>
                      <span>{timer.label}</span>
                      <DateTime value={timer.dueAt} />
                    </li>
                  ))}
                </ul>
              )}
              <h3>Messages sent</h3>
              <MessagesReceived client={client} journeyId={journeyId} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
