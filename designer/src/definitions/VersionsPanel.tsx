import { useEffect, useId, useState } from 'react';
import { type ApiClient, messageOf } from '../api';
import { DateTime } from '../DateTime';
import { useApiResource } from '../useApiResource';
import type { DefinitionDiff } from './definitions-api';
import { DefinitionDiffView } from './DefinitionDiffView';

interface VersionsPanelProps {
  client: ApiClient;
  id: string;
  /** Changes when a version is published, so the list is read again. */
  publishedCount: number;
  hasDraft: boolean;
}

/** The published versions with their notes, and the difference between any two (or the draft). */
export function VersionsPanel({ client, id, publishedCount, hasDraft }: VersionsPanelProps) {
  const { resource: versions, refresh } = useApiResource(client, '/api/journey-definitions/{id}/versions', {
    params: { path: { id } },
  });
  useEffect(() => {
    if (publishedCount > 0) refresh();
    // Only a publish makes the list stale.
  }, [publishedCount]);
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<{ diff?: DefinitionDiff; error?: string }>();

  if (versions.status !== 'ready')
    return <p className="muted">{versions.status === 'error' ? versions.message : 'Loading versions…'}</p>;
  const choices = [
    ...(hasDraft ? ['draft'] : []),
    ...versions.data.map((version) => String(version.version)),
  ];
  const name = (choice: string) => (choice === 'draft' ? 'The draft' : `Version ${choice}`);
  const chosenFrom = from || choices[1] || choices[0] || '';
  const chosenTo = to || choices[0] || '';

  async function compare() {
    try {
      const answer = await client.get('/api/journey-definitions/{id}/diff', {
        params: { path: { id }, query: { from: chosenFrom, to: chosenTo } },
      });
      setDiff({ diff: answer });
    } catch (error) {
      setDiff({ error: messageOf(error) });
    }
  }

  return (
    <section className="definition-versions" aria-label="Versions">
      <h3>Versions</h3>
      {versions.data.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <ol className="definition-version-list">
          {versions.data.map((version) => (
            <li key={version.version}>
              <strong>Version {version.version}</strong> · {version.publishedBy} ·{' '}
              <DateTime value={version.publishedAt} />
              <p>{version.note}</p>
            </li>
          ))}
        </ol>
      )}
      {choices.length >= 2 && (
        <div className="toolbar">
          <label htmlFor={fromId}>Compare</label>
          <select id={fromId} value={chosenFrom} onChange={(event) => setFrom(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {name(choice)}
              </option>
            ))}
          </select>
          <label htmlFor={toId}>with</label>
          <select id={toId} value={chosenTo} onChange={(event) => setTo(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {name(choice)}
              </option>
            ))}
          </select>
          <button type="button" className="button-secondary" onClick={() => void compare()}>
            Show the differences
          </button>
        </div>
      )}
      {diff?.error && (
        <p role="alert" className="field-error">
          {diff.error}
        </p>
      )}
      {diff?.diff && <DefinitionDiffView diff={diff.diff} />}
    </section>
  );
}
