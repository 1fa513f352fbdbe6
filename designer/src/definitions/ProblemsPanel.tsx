import type { DefinitionProblem } from '../../../contracts/journey-definitions/validate-definition';

interface ProblemsPanelProps {
  problems: readonly DefinitionProblem[];
  onSelect: (node: string) => void;
}

/** What the validator finds as the designer types; a problem on a node selects it. */
export function ProblemsPanel({ problems, onSelect }: ProblemsPanelProps) {
  return (
    <section className="definition-problems" aria-label="Problems" aria-live="polite">
      <h3>
        {problems.length === 0
          ? 'No problems'
          : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
      </h3>
      {problems.length === 0 ? (
        <p className="muted">The journey can be published.</p>
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${problem.node ?? ''}-${index}`}>
              {problem.node ? (
                <button type="button" className="button-link" onClick={() => onSelect(problem.node!)}>
                  {problem.message}
                </button>
              ) : (
                problem.message
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
