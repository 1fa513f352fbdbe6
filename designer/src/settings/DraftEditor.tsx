import { useState } from 'react';
import type { ApiClient } from '../api';
import { Notice } from '../Notice';
import { useApiResource } from '../useApiResource';
import { type CarriedDraft, DraftForm } from './DraftForm';
import type { SettingsJourneyType, SettingsVersion } from './settings-api';

interface DraftEditorProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  onPublished: (version: SettingsVersion) => void;
  onClose: () => void;
}

/**
 * A draft always starts from the current version. After publishing, the next draft starts from
 * the version just published; after a conflict, from the newer one, with the edits carried over.
 */
export function DraftEditor({ client, journeyType, onPublished, onClose }: DraftEditorProps) {
  const { resource, reload } = useApiResource(client, '/api/programs/{journeyType}/settings', {
    params: { path: { journeyType: journeyType.id } },
  });
  const [published, setPublished] = useState<SettingsVersion>();
  const [carried, setCarried] = useState<CarriedDraft>();
  const base = published ?? (resource.status === 'ready' ? resource.data : undefined);

  return (
    <>
      <div role="status">
        {published && (
          <p className="draft-published">
            Version {published.version} published. Journeys enrolled from now on get it.
          </p>
        )}
      </div>
      {!base && resource.status === 'loading' && (
        <Notice tone="loading">Loading the current settings…</Notice>
      )}
      {!base && resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {base && (
        <DraftForm
          key={base.version}
          client={client}
          journeyType={journeyType}
          base={base}
          carried={carried}
          onPublished={(version) => {
            setPublished(version);
            setCarried(undefined);
            onPublished(version);
          }}
          onRebase={(draft) => {
            setPublished(undefined);
            setCarried(draft);
            reload();
          }}
          onDiscard={onClose}
        />
      )}
    </>
  );
}
