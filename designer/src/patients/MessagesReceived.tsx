import type { ApiClient, JourneyDetail } from '../api';
import { Countdown } from '../Countdown';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { useApiResource } from '../useApiResource';
import { InertText } from './InertText';

interface MessagesReceivedProps {
  client: ApiClient;
  journeyId: string;
  /** Messages the journey holds back (quiet hours, daily cap): not in the outreach log yet. */
  held: JourneyDetail['heldMessages'];
  /** Delivery statuses change after sending: read them again this often (null: never). */
  refreshMs: number | null;
}

const HOLD_REASON: Record<JourneyDetail['heldMessages'][number]['reason'], string> = {
  'quiet-hours': "the patient's quiet hours",
  'daily-cap': "the patient's daily message limit",
};

/**
 * What the patient was sent in this journey (channel, wording, delivery status, newest first),
 * after what is held back and when it will go.
 */
export function MessagesReceived({ client, journeyId, held, refreshMs }: MessagesReceivedProps) {
  return (
    <>
      {held.length > 0 && (
        <ul className="upcoming" aria-label="Held messages">
          {held.map((message) => (
            <li key={message.step}>
              <span>
                <strong>held</strong> · {message.label} · {HOLD_REASON[message.reason]}
              </span>
              <span>
                goes at <DateTime value={message.until} /> (
                <Countdown dueAt={message.until} pastLabel="ago" />)
              </span>
            </li>
          ))}
        </ul>
      )}
      <SentMessages client={client} journeyId={journeyId} refreshMs={refreshMs} />
    </>
  );
}

function SentMessages({ client, journeyId, refreshMs }: Omit<MessagesReceivedProps, 'held'>) {
  const { resource, reload } = useApiResource(client, '/api/journeys/{id}/messages', {
    params: { path: { id: journeyId } },
    refreshMs,
  });
  if (resource.status === 'loading') return <Notice tone="loading">Loading messages…</Notice>;
  if (resource.status === 'error')
    return (
      <Notice tone="error" onRetry={reload}>
        {resource.message}
      </Notice>
    );
  if (resource.data.length === 0) return <Notice tone="empty">No messages sent yet.</Notice>;
  return (
    <ol className="timeline messages" aria-label="Messages sent">
      {resource.data.map((message) => (
        <li key={message.id}>
          <DateTime value={message.sentAt ?? message.plannedAt} />
          <span className={`kind kind-message`}>{message.channel}</span>
          <span>
            <strong>{message.status}</strong>
            {message.urgent && ' · urgent'}
            {message.errorCode && ` · ${message.errorCode}`} · {message.subject ?? message.template}
            <details>
              <summary>Wording ({message.templateFile ?? message.template})</summary>
              <p className="message-body">
                <InertText text={message.body} />
              </p>
            </details>
          </span>
        </li>
      ))}
    </ol>
  );
}
