import { useEffect, useId, useState } from 'react';
import type { FieldProps } from './SchemaField';

const comparisons = ['==', '!=', '<', '<=', '>', '>='] as const;
type Comparison = (typeof comparisons)[number];

interface SimpleRule {
  path: string;
  operator: Comparison;
  value: string;
}

/** `{ "<op>": [{ "var": path }, value] }`, the rule most decisions are, as three fields. */
export function simpleRuleOf(rule: unknown): SimpleRule | undefined {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return undefined;
  const entries = Object.entries(rule);
  if (entries.length !== 1) return undefined;
  const [operator, args] = entries[0]!;
  if (!comparisons.includes(operator as Comparison) || !Array.isArray(args) || args.length !== 2)
    return undefined;
  const [left, right] = args as [unknown, unknown];
  const path = (left as { var?: unknown } | null)?.var;
  if (typeof path !== 'string' || (typeof right === 'object' && right !== null)) return undefined;
  return { path, operator: operator as Comparison, value: right === null ? '' : String(right) };
}

/** What was typed as the compared value: a number or true/false when it reads as one. */
function typedValue(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

export function ruleOf(simple: SimpleRule): Record<string, unknown> {
  return { [simple.operator]: [{ var: simple.path }, typedValue(simple.value)] };
}

/**
 * A decision branch's condition: the common comparison as fields (what it reads, how, against
 * what), and the whole JSON Logic rule as text for anything else, checked as it is typed.
 */
export function RuleEditor({ value, onChange, label }: FieldProps) {
  const id = useId();
  const simple = simpleRuleOf(value);
  const [text, setText] = useState(() => JSON.stringify(value));
  const [textProblem, setTextProblem] = useState<string>();

  // An edit in the fields shows in the text at once (unless the text is being fixed).
  useEffect(() => {
    setText((current) => (sameRule(current, value) ? current : JSON.stringify(value)));
    setTextProblem(undefined);
  }, [value]);

  const setSimple = (change: Partial<SimpleRule>) =>
    onChange(ruleOf({ ...(simple ?? { path: '', operator: '==', value: '' }), ...change }));

  return (
    <fieldset className="schema-group rule-editor">
      <legend>{label}</legend>
      {simple ? (
        <div className="rule-simple">
          <div className="schema-field">
            <label htmlFor={`${id}-path`}>Reads</label>
            <input
              id={`${id}-path`}
              type="text"
              placeholder="facts.a1c or outcomes.wait-booking"
              value={simple.path}
              onChange={(event) => setSimple({ path: event.target.value })}
            />
          </div>
          <div className="schema-field">
            <label htmlFor={`${id}-operator`}>Comparison</label>
            <select
              id={`${id}-operator`}
              value={simple.operator}
              onChange={(event) => setSimple({ operator: event.target.value as Comparison })}
            >
              {comparisons.map((operator) => (
                <option key={operator} value={operator}>
                  {operator}
                </option>
              ))}
            </select>
          </div>
          <div className="schema-field">
            <label htmlFor={`${id}-value`}>Compared with</label>
            <input
              id={`${id}-value`}
              type="text"
              value={simple.value}
              onChange={(event) => setSimple({ value: event.target.value })}
            />
          </div>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setSimple({})}>
          Replace with a simple comparison
        </button>
      )}
      <div className="schema-field">
        <label htmlFor={`${id}-json`}>Condition as JSON Logic</label>
        <textarea
          id={`${id}-json`}
          rows={3}
          value={text}
          aria-invalid={textProblem !== undefined}
          aria-describedby={textProblem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const problem = ruleTextProblem(event.target.value);
            setTextProblem(problem);
            if (!problem) onChange(JSON.parse(event.target.value) as unknown);
          }}
        />
        {textProblem && (
          <p id={`${id}-problem`} className="field-error">
            {textProblem}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** Why the text is not a rule, or undefined when it is one (an object or true/false). */
export function ruleTextProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'This is not JSON yet: the condition keeps its last valid form.';
  }
  if (
    typeof parsed === 'boolean' ||
    (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
  ) {
    return undefined;
  }
  return 'A condition is a JSON Logic object such as {"==": [{"var": "facts.booked"}, true]}, or true or false.';
}

function sameRule(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
