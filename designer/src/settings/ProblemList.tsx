import { type PlacedProblems, problemCount } from './field-problems';
import { fullLabel, type SettingField } from './setting-fields';

interface ProblemListProps {
  /** What happened, e.g. "Nothing was published." */
  intro: string;
  problems: PlacedProblems;
  fields: readonly SettingField[];
  fieldId: (path: string) => string;
}

/** The draft's problems, announced at once; each links to (and focuses) the field it concerns. */
export function ProblemList({ intro, problems, fields, fieldId }: ProblemListProps) {
  const count = problemCount(problems);
  if (count === 0) return null;
  const placed = fields.flatMap((field) =>
    (problems.byPath.get(field.path) ?? []).map((message) => ({ field, message })),
  );

  return (
    <div className="problem-list" role="alert">
      <p>
        {intro} {count === 1 ? 'There is 1 problem:' : `There are ${count} problems:`}
      </p>
      <ul>
        {problems.general.map((message, index) => (
          <li key={`general-${index}`}>{message}</li>
        ))}
        {placed.map(({ field, message }, index) => (
          <li key={`${field.path}-${index}`}>
            <a
              href={`#${fieldId(field.path)}`}
              onClick={(event) => {
                // Focus, not navigation: the hash must not change (the designer keeps state out of URLs).
                event.preventDefault();
                const target = document.getElementById(fieldId(field.path));
                target?.focus();
                target?.scrollIntoView?.({ block: 'center' });
              }}
            >
              {fullLabel(field)}
            </a>
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
