import { useId, useMemo, useState } from 'react';
import { ApiError, type ApiClient, messageOf } from '../api';
import { Notice } from '../Notice';
import { buildEvent, eventForms, type EventField, type FieldProblem } from './event-forms';

interface SendEventFormProps {
  client: ApiClient;
  journeyId: string;
  eventSchema: Record<string, unknown>;
  /** Called once the journey accepted the event, so the detail shows its effect. */
  onSent: () => void;
}

/**
 * An operator records what happened outside Carepath (a booked visit, a reading taken at the
 * desk): one of the journey's own events, with its fields. The journey checks it again and
 * refuses what does not apply; nothing is sent until the button is pressed.
 */
export function SendEventForm({ client, journeyId, eventSchema, onSent }: SendEventFormProps) {
  const forms = useMemo(() => eventForms(eventSchema), [eventSchema]);
  const [type, setType] = useState(forms[0]?.type ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const form = forms.find((candidate) => candidate.type === type);
  if (!form) return null;

  async function send(): Promise<void> {
    setSent(undefined);
    setError(undefined);
    const built = buildEvent(form!, values);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await client.post('/api/journeys/{id}/events', {
        params: { path: { id: journeyId } },
        body: built.event,
      });
      setSent(`The journey received “${form!.type}”.`);
      setValues({});
      onSent();
    } catch (failure) {
      setError(messageOf(failure));
      if (failure instanceof ApiError) setProblems(failure.errors.map(toFieldProblem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="send-event"
      aria-labelledby={`${id}-heading`}
      // Our own messages, at each field, rather than the browser's bubbles.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id={`${id}-heading`}>Send an event</h3>
      <div className="field">
        <label htmlFor={`${id}-type`}>Event</label>
        <select
          id={`${id}-type`}
          value={type}
          onChange={(event) => {
            setType(event.target.value);
            setValues({});
            setProblems([]);
          }}
        >
          {forms.map((candidate) => (
            <option key={candidate.type} value={candidate.type}>
              {candidate.type}
            </option>
          ))}
        </select>
      </div>
      {form.fields.map((field) => (
        <EventFieldInput
          key={`${form.type}-${field.name}`}
          id={`${id}-${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          problem={problems.find((problem) => problem.field === field.name)?.message}
          onChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
        />
      ))}
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send event'}
      </button>
      {sent && (
        <p role="status" className="success">
          {sent}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}

interface EventFieldInputProps {
  id: string;
  field: EventField;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}

function EventFieldInput({ id, field, value, problem, onChange }: EventFieldInputProps) {
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [field.description ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    required: field.required,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.name}
        {field.required ? '' : ' (optional)'}
      </label>
      {field.kind === 'choice' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose…</option>
          {field.choices?.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={inputType(field)}
          step={field.kind === 'number' ? 'any' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {field.description && (
        <span id={hintId} className="hint">
          {field.description}
        </span>
      )}
      {problem && (
        <span id={problemId} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

function inputType(field: EventField): string {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return 'number';
    case 'date-time':
      return 'datetime-local';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

/** The API names fields of the event by their path ("value", "metric"); others are general. */
function toFieldProblem(error: { field?: string; message: string }): FieldProblem {
  return { field: error.field ?? '', message: error.message };
}
