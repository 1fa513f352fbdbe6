import type { ApiClient, JourneyType } from '../api';
import { SendEventForm } from './SendEventForm';
import { usePinnedEventSchema } from './usePinnedEventSchema';

interface PinnedSendEventFormProps {
  readonly client: ApiClient;
  readonly journeyId: string;
  readonly type: JourneyType;
  /** For a journey run from a definition: the version it is pinned to. */
  readonly definitionVersion: number | undefined;
  readonly onSent: () => void;
}

/** The send-event form with the events the journey's own (pinned) version declares. */
export function PinnedSendEventForm({
  client,
  journeyId,
  type,
  definitionVersion,
  onSent,
}: PinnedSendEventFormProps) {
  const eventSchema = usePinnedEventSchema(client, type, definitionVersion);
  if (!eventSchema) return null;
  // A new schema is a new form: a choice made for another version's events does not carry over.
  return (
    <SendEventForm
      key={JSON.stringify(eventSchema)}
      client={client}
      journeyId={journeyId}
      eventSchema={eventSchema}
      onSent={onSent}
    />
  );
}
