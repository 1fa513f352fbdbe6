import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import { ApiError, messageOf, type WritingApiClient } from '../api';
import { Notice } from '../Notice';
import { DefinitionEditor } from './DefinitionEditor';
import type { DraftStart } from './useDraftSync';

type Loaded = DraftStart & { hasDraft: boolean; title: string; latestVersion: number };

/**
 * What `/definitions/:id` edits: the draft, or (after a publish or a discard) the latest version,
 * which the first edit turns into a new draft.
 */
export async function loadDefinition(client: WritingApiClient, id: string): Promise<Loaded> {
  const params = { params: { path: { id } } };
  const summary = await client.get('/api/journey-definitions/{id}', params);
  const latestVersion = summary.latestVersion?.version ?? 0;
  try {
    const draft = await client.get('/api/journey-definitions/{id}/draft', params);
    return {
      definition: draft.definition as unknown as JourneyDefinition,
      revision: draft.revision,
      hasDraft: true,
      title: summary.title,
      latestVersion,
    };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404) || latestVersion === 0) throw error;
    const version = await client.get('/api/journey-definitions/{id}/versions/{version}', {
      params: { path: { id, version: latestVersion } },
    });
    return {
      definition: version.definition as unknown as JourneyDefinition,
      revision: summary.revision,
      hasDraft: false,
      title: summary.title,
      latestVersion,
    };
  }
}

export function DefinitionEditorScreen({ client }: { client: WritingApiClient }) {
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: Loaded }
  >({
    status: 'loading',
  });
  const load = useCallback(() => loadDefinition(client, id), [client, id]);

  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    load().then(
      (value) => current && setLoaded({ status: 'ready', value }),
      (error: unknown) => current && setLoaded({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [load]);

  async function discard(revision: number): Promise<DraftStart> {
    await client.delete('/api/journey-definitions/{id}/draft', {
      params: { path: { id }, query: { basedOnRevision: revision } },
    });
    return load();
  }

  return (
    <div className="page definition-page">
      <p>
        <Link to="/definitions">All journey definitions</Link>
      </p>
      {loaded.status === 'loading' && <Notice tone="loading">Loading the definition…</Notice>}
      {loaded.status === 'error' && <Notice tone="error">{loaded.message}</Notice>}
      {loaded.status === 'ready' && (
        <>
          <h2>{loaded.value.title}</h2>
          <DefinitionEditor
            key={id}
            client={client}
            id={id}
            start={loaded.value}
            load={load}
            hasDraft={loaded.value.hasDraft}
            latestVersion={loaded.value.latestVersion}
            onDiscard={discard}
          />
        </>
      )}
    </div>
  );
}
