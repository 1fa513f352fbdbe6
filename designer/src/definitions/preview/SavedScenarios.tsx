import { useId } from 'react';
import type { Scenario } from '../../../../contracts/journey-definitions/scenario-schema';
import type { components } from '../../generated/openapi';
import { Notice } from '../../Notice';

type ScenarioChanges = components['schemas']['ScenarioChangesView'];
type Outcome = ScenarioChanges['scenarios'][number];
type ListChanges = Outcome['messages'];

interface SavedScenariosProps {
  readonly scenarios: readonly Scenario[];
  /** The API's run of each saved scenario on the draft and the latest published version. */
  readonly changes:
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: ScenarioChanges };
  readonly onLoad: (scenario: Scenario) => void;
  /** Removes it from the draft (asked to confirm first). */
  readonly onRemove: (scenario: Scenario) => void;
  readonly onRetry: () => void;
}

const verdictText: Record<Outcome['verdict'], string> = {
  unchanged: 'unchanged',
  changed: 'changed',
  new: 'new (nothing published to compare with)',
  failed: 'could not run',
};

/** Each saved scenario, with whether the draft changes what that patient would experience, and how. */
export function SavedScenarios({ scenarios, changes, onLoad, onRemove, onRetry }: SavedScenariosProps) {
  const id = useId();
  const outcomes = changes.status === 'ready' ? changes.data.scenarios : [];
  return (
    <section className="preview-saved" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Saved scenarios</h3>
      {changes.status === 'ready' && changes.data.publishedVersion !== null && (
        <p>
          Run on the draft and on version {changes.data.publishedVersion}: {changes.data.changedCount} of{' '}
          {outcomes.length} changed.
        </p>
      )}
      {changes.status === 'error' && (
        <Notice tone="error" onRetry={onRetry}>
          {changes.message}
        </Notice>
      )}
      {scenarios.length === 0 ? (
        <p>None yet: set up a patient and a script, then save it as a scenario.</p>
      ) : (
        <ul aria-label="Saved scenarios">
          {scenarios.map((scenario) => {
            const outcome = outcomes.find((candidate) => candidate.name === scenario.name);
            return (
              <li key={scenario.name} aria-label={scenario.name}>
                <strong>{scenario.name}</strong>
                {outcome && (
                  <span className={`verdict verdict-${outcome.verdict}`}>
                    {' '}
                    · {verdictText[outcome.verdict]}
                  </span>
                )}{' '}
                <button type="button" className="button-secondary" onClick={() => onLoad(scenario)}>
                  Load
                </button>{' '}
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`Remove ${scenario.name}`}
                  onClick={() => {
                    if (window.confirm(`Remove the saved scenario “${scenario.name}” from the draft?`)) {
                      onRemove(scenario);
                    }
                  }}
                >
                  Remove
                </button>
                {outcome?.problem && <p role="alert">{outcome.problem}</p>}
                {outcome?.verdict === 'changed' && <OutcomeDifferences outcome={outcome} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function OutcomeDifferences({ outcome }: { outcome: Outcome }) {
  const lines = [
    ...listLines('Message', outcome.messages),
    ...listLines('Task', outcome.tasks),
    ...listLines('Deadline', outcome.deadlines),
    ...(outcome.final ? [`Final status: ${outcome.final.before} → ${outcome.final.after}`] : []),
  ];
  return (
    <ul className="preview-differences" aria-label={`Differences for ${outcome.name}`}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function listLines(kind: string, list: ListChanges): string[] {
  return [
    ...list.added.map((item) => `${kind} added: ${item.label} (${item.at})`),
    ...list.removed.map((item) => `${kind} removed: ${item.label} (${item.at})`),
    ...list.changed.flatMap((item) =>
      item.changes.map(
        (change) =>
          `${kind} ${item.label}: ${change.field} “${change.before ?? '—'}” → “${change.after ?? '—'}”`,
      ),
    ),
  ];
}
