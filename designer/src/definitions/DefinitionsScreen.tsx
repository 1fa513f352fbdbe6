import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { messageOf, type WritingApiClient } from '../api';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { useApiResource } from '../useApiResource';
import type { DefinitionSummary } from './definitions-api';
import { NewDefinitionForm } from './NewDefinitionForm';

/** Every journey definition with its draft and latest version; new ones from scratch or as copies. */
export function DefinitionsScreen({ client }: { client: WritingApiClient }) {
  const { resource, reload } = useApiResource(client, '/api/journey-definitions');
  return (
    <div className="page definitions-page">
      <h2>Journey definitions</h2>
      {resource.status === 'loading' && <Notice tone="loading">Loading journey definitions…</Notice>}
      {resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
          <Notice tone="empty">No journey definitions yet: start one below.</Notice>
        ) : (
          <table className="definitions-table" aria-label="Journey definitions">
            <thead>
              <tr>
                <th scope="col">Journey</th>
                <th scope="col">Latest version</th>
                <th scope="col">Draft</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((definition) => (
                <DefinitionRow key={definition.id} client={client} definition={definition} />
              ))}
            </tbody>
          </table>
        ))}
      <NewDefinitionForm client={client} />
    </div>
  );
}

function DefinitionRow({ client, definition }: { client: WritingApiClient; definition: DefinitionSummary }) {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string>();
  const latest = definition.latestVersion;

  async function copy() {
    if (!latest) return;
    try {
      const created = await client.post('/api/journey-definitions', {
        body: { copyOf: { id: definition.id, version: latest.version } },
      });
      void navigate(`/definitions/${created.id}`);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <tr>
      <th scope="row">
        <Link to={`/definitions/${definition.id}`}>{definition.title}</Link>{' '}
        <span className="muted">{definition.id}</span>
      </th>
      <td>
        {latest ? (
          <>
            Version {latest.version}, <DateTime value={latest.publishedAt} />
          </>
        ) : (
          'Not published'
        )}
      </td>
      <td>
        {definition.draft ? (
          <>
            Saved by {definition.draft.savedBy}, <DateTime value={definition.draft.savedAt} />
          </>
        ) : (
          'None'
        )}
      </td>
      <td>
        {latest && (
          <button type="button" className="button-secondary" onClick={() => void copy()}>
            Copy {definition.title}
          </button>
        )}
        {problem && (
          <span role="alert" className="field-error">
            {problem}
          </span>
        )}
      </td>
    </tr>
  );
}
