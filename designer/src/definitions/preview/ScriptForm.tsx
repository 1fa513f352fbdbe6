import { useId, useState } from 'react';
import type { JourneyDefinition } from '../../../../contracts/journey-definitions/definition-schema';
import type { ScenarioLine } from '../../../../contracts/journey-definitions/scenario-schema';
import { describeLine, emptyLine, lineOf, taskChoices, type LineDraft, type LineKind } from './script-lines';

interface ScriptFormProps {
  readonly definition: JourneyDefinition;
  readonly script: readonly ScenarioLine[];
  readonly onChange: (script: ScenarioLine[]) => void;
}

const kindNames: Record<LineKind, string> = {
  event: 'An event arrives',
  taskOutcome: 'Staff finish a task',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
};

/** The script: dated lines, kept in time order; a small form adds one. */
export function ScriptForm({ definition, script, onChange }: ScriptFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<LineDraft>(() => emptyLine(definition));
  const [problem, setProblem] = useState<string>();
  const set = (change: Partial<LineDraft>) => setDraft((previous) => ({ ...previous, ...change }));
  const tasks = taskChoices(definition);
  const declared = definition.events.find((event) => event.type === draft.eventType);

  function add(): void {
    const line = lineOf(draft, definition);
    if ('problem' in line) {
      setProblem(line.problem);
      return;
    }
    setProblem(undefined);
    const at = (entry: ScenarioLine) => entry.day * 24 + (entry.hour ?? 9);
    onChange([...script, line].sort((a, b) => at(a) - at(b)));
  }

  return (
    <section className="preview-script" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Script</h3>
      {script.length === 0 ? (
        <p>Nothing happens: the patient never answers, nothing arrives from the EHR.</p>
      ) : (
        <ol aria-label="Script lines">
          {script.map((line, index) => (
            <li key={index}>
              {describeLine(line, definition)}{' '}
              <button
                type="button"
                className="button-secondary"
                aria-label={`Remove: ${describeLine(line, definition)}`}
                onClick={() => onChange(script.filter((other) => other !== line))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <fieldset>
        <legend>Add a line</legend>
        <label htmlFor={`${id}-day`}>Day</label>
        <input
          id={`${id}-day`}
          type="number"
          min={0}
          value={draft.day}
          onChange={(event) => set({ day: Math.max(0, Math.floor(Number(event.target.value) || 0)) })}
        />
        <label htmlFor={`${id}-hour`}>Hour</label>
        <input
          id={`${id}-hour`}
          type="number"
          min={0}
          max={23}
          value={draft.hour}
          onChange={(event) =>
            set({ hour: Math.min(23, Math.max(0, Math.floor(Number(event.target.value) || 0))) })
          }
        />
        <label htmlFor={`${id}-kind`}>What happens</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => set({ kind: event.target.value as LineKind })}
        >
          {(Object.keys(kindNames) as LineKind[])
            .filter((kind) =>
              kind === 'event' ? definition.events.length > 0 : kind !== 'taskOutcome' || tasks.length > 0,
            )
            .map((kind) => (
              <option key={kind} value={kind}>
                {kindNames[kind]}
              </option>
            ))}
        </select>
        {draft.kind === 'event' && (
          <>
            <label htmlFor={`${id}-event`}>Event</label>
            <select
              id={`${id}-event`}
              value={draft.eventType}
              onChange={(event) => set({ eventType: event.target.value, fields: {} })}
            >
              {definition.events.map((event) => (
                <option key={event.type} value={event.type}>
                  {event.label}
                </option>
              ))}
            </select>
            {Object.entries(declared?.fields ?? {}).map(([name, type]) => (
              <span key={name}>
                <label htmlFor={`${id}-field-${name}`}>
                  {name} ({type})
                </label>
                <input
                  id={`${id}-field-${name}`}
                  type={type === 'number' ? 'number' : type === 'date' ? 'date' : 'text'}
                  value={draft.fields[name] ?? ''}
                  onChange={(event) => set({ fields: { ...draft.fields, [name]: event.target.value } })}
                />
              </span>
            ))}
          </>
        )}
        {draft.kind === 'taskOutcome' && (
          <>
            <label htmlFor={`${id}-task`}>Task</label>
            <select
              id={`${id}-task`}
              value={draft.taskNode}
              onChange={(event) =>
                set({
                  taskNode: event.target.value,
                  outcome: tasks.find((task) => task.node === event.target.value)?.outcomes[0] ?? '',
                })
              }
            >
              {tasks.map((task) => (
                <option key={task.node} value={task.node}>
                  {task.label}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-outcome`}>Outcome</label>
            <select
              id={`${id}-outcome`}
              value={draft.outcome}
              onChange={(event) => set({ outcome: event.target.value })}
            >
              {(tasks.find((task) => task.node === draft.taskNode)?.outcomes ?? []).map((outcome) => (
                <option key={outcome} value={outcome}>
                  {outcome}
                </option>
              ))}
            </select>
          </>
        )}
        {(draft.kind === 'pause' || draft.kind === 'resume' || draft.kind === 'cancel') && (
          <>
            <label htmlFor={`${id}-reason`}>Reason</label>
            <input
              id={`${id}-reason`}
              value={draft.reason}
              onChange={(event) => set({ reason: event.target.value })}
            />
          </>
        )}
        <button type="button" onClick={add}>
          Add to the script
        </button>
        {problem && <p role="alert">{problem}</p>}
      </fieldset>
    </section>
  );
}
