import type { ApiClient } from '../api';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { useApiResource } from '../useApiResource';

interface MessagesReceivedProps {
  client: ApiClient;
  journeyId: string;
  /** Delivery statuses change after sending: read them again this often (null: never). */
  refreshMs: number | null;
}

/** What the patient was sent in this journey: channel, wording, delivery status, newest first. */
export function MessagesReceived({ client, journeyId, refreshMs }: MessagesReceivedProps) {
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
  if (resource.data.length === 0) return <Notice tone="empty">No messages yet.</Notice>;
  return (
    <ol className="timeline messages">
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
              <p className="message-body">{message.body}</p>
            </details>
          </span>
        </li>
      ))}
    </ol>
  );
}
