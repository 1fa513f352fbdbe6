import { Link } from 'react-router';
import type { ApiClient } from '../api';
import { useApiResource } from '../useApiResource';
import { OutcomeDifferences } from './preview/SavedScenarios';

interface ScenarioCheckProps {
  client: ApiClient;
  id: string;
}

/**
 * Before publishing: every saved scenario run on the draft as saved and on the latest version, so
 * a designer sees whose messages, tasks or deadlines the change moves before patients get it.
 * Mounted anew after each save (keyed by the editor), so it always answers for the saved draft.
 */
export function ScenarioCheck({ client, id }: ScenarioCheckProps) {
  const { resource } = useApiResource(client, '/api/journey-definitions/{id}/draft/scenario-changes', {
    params: { path: { id } },
  });
  if (resource.status === 'loading') return <p className="muted">Running the saved scenarios…</p>;
  // No draft (just published or discarded): there is nothing to check.
  if (resource.status === 'error') return null;
  const { scenarios, changedCount, publishedVersion } = resource.data;
  if (scenarios.length === 0) {
    return (
      <p className="muted">
        No saved scenarios to run before publishing (<Link to={`/definitions/${id}/preview`}>save one</Link>{' '}
        in the preview).
      </p>
    );
  }
  if (publishedVersion === null) {
    return (
      <p className="muted">{scenarios.length} saved scenario(s): nothing is published yet to compare.</p>
    );
  }
  const changed = scenarios.filter(
    (scenario) => scenario.verdict === 'changed' || scenario.verdict === 'failed',
  );
  return (
    <section aria-label="Saved scenarios before publishing" className="scenario-check">
      <p role="status">
        {changedCount === 0
          ? `All ${scenarios.length} saved scenario(s) turn out as on version ${publishedVersion}.`
          : `${changedCount} of ${scenarios.length} saved scenario(s) turn out differently from version ${publishedVersion}:`}
      </p>
      {changed.length > 0 && (
        <ul>
          {changed.map((scenario) => (
            <li key={scenario.name} aria-label={scenario.name}>
              <strong>{scenario.name}</strong>
              {scenario.problem && <span role="alert"> {scenario.problem}</span>}
              {scenario.verdict === 'changed' && <OutcomeDifferences outcome={scenario} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
