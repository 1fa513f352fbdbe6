import { useId, useMemo, useState } from 'react';
import { ApiError, type ApiAnswer, type ApiClient, type JourneyEvent, messageOf } from '../api';
import { Notice } from '../Notice';
import {
  buildEvent,
  eventForms,
  inWords,
  type EventField,
  type EventForm,
  type FieldProblem,
} from './event-forms';

type Preview = ApiAnswer<'post', '/api/journeys/{id}/events/preview'>;
/** A prediction, with the event it is for: any change to the form discards it. */
interface Checked {
  event: JourneyEvent;
  preview: Preview;
}

interface SendEventFormProps {
  client: ApiClient;
  journeyId: string;
  eventSchema: Record<string, unknown>;
  /** Called once the journey accepted the event, so the detail shows its effect. */
  onSent: () => void;
}

/**
 * An operator records what happened outside Carepath (a booked visit, a reading taken at the
 * desk): one of the journey's own events, with its fields. First the journey says what it would
 * do with it (apply it, hold it until an earlier step, or refuse it); the operator then sends it
 * knowing that, and a refused event cannot be sent at all.
 */
export function SendEventForm({ client, journeyId, eventSchema, onSent }: SendEventFormProps) {
  const forms = useMemo(() => eventForms(eventSchema), [eventSchema]);
  const [type, setType] = useState(forms[0]?.type ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [checked, setChecked] = useState<Checked>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const form = forms.find((candidate) => candidate.type === type);
  if (!form) return null;

  function failed(failure: unknown): void {
    setError(messageOf(failure));
    if (failure instanceof ApiError) setProblems(failure.errors.map(toFieldProblem));
  }

  async function check(): Promise<void> {
    setSent(undefined);
    setError(undefined);
    setChecked(undefined);
    const built = buildEvent(form!, values);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const preview = await client.post('/api/journeys/{id}/events/preview', {
        params: { path: { id: journeyId } },
        body: built.event,
      });
      setChecked({ event: built.event, preview });
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function send({ event, preview }: Checked): Promise<void> {
    setError(undefined);
    setBusy(true);
    try {
      await client.post('/api/journeys/{id}/events', { params: { path: { id: journeyId } }, body: event });
      setSent(sentLine(form!, preview));
      setChecked(undefined);
      setValues({});
      onSent();
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  function edited(): void {
    setChecked(undefined);
    setSent(undefined);
  }

  return (
    <form
      className="send-event"
      aria-labelledby={`${id}-heading`}
      // Our own messages, at each field, rather than the browser's bubbles.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void check();
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
            edited();
          }}
        >
          {forms.map((candidate) => (
            <option key={candidate.type} value={candidate.type}>
              {candidate.label}
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
          onChange={(value) => {
            setValues((previous) => ({ ...previous, [field.name]: value }));
            edited();
          }}
        />
      ))}
      {!checked && (
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check what would happen'}
        </button>
      )}
      {checked && (
        <EventPrediction
          form={form}
          checked={checked}
          busy={busy}
          onSend={() => void send(checked)}
          onBack={() => setChecked(undefined)}
        />
      )}
      {sent && (
        <p role="status" className="success">
          {sent}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}

interface EventPredictionProps {
  form: EventForm;
  checked: Checked;
  busy: boolean;
  onSend: () => void;
  onBack: () => void;
}

/** The journey's answer before anything is sent, and the one way on that it allows. */
function EventPrediction({ form, checked, busy, onSend, onBack }: EventPredictionProps) {
  const { preview } = checked;
  const name = `“${form.label}”`;
  if (preview.outcome === 'refused') {
    return (
      <div className="event-prediction">
        <Notice tone="error">
          The journey would refuse {name}: {preview.reason} It cannot be sent.
        </Notice>
        <button type="button" onClick={onBack}>
          Change the event
        </button>
      </div>
    );
  }
  const held = preview.outcome === 'held';
  return (
    <div className="event-prediction">
      <p role="status" className={held ? 'prediction prediction-held' : 'prediction'}>
        {held
          ? `The journey would hold ${name} until ${preview.until} is recorded: it does not take effect now.`
          : `The journey would apply ${name} now.`}
      </p>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={onSend}>
          {busy ? 'Sending…' : held ? 'Send and hold it' : 'Send event'}
        </button>
        <button type="button" disabled={busy} onClick={onBack}>
          Change the event
        </button>
      </div>
    </div>
  );
}

function sentLine(form: EventForm, preview: Preview): string {
  const name = `“${form.label}”`;
  return preview.outcome === 'held'
    ? `Sent: the journey holds ${name} until ${preview.until} is recorded.`
    : `Sent: the journey applied ${name}.`;
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
  const unitId = `${id}-unit`;
  const describedBy = [field.unit ? unitId : '', field.description ? hintId : '', problem ? problemId : '']
    .filter(Boolean)
    .join(' ');
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
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      {field.kind === 'choice' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose…</option>
          {field.choices?.map((choice) => (
            <option key={choice} value={choice}>
              {inWords(choice)}
            </option>
          ))}
        </select>
      ) : (
        <span className="input-with-unit">
          <input
            {...common}
            type={inputType(field)}
            step={field.kind === 'number' ? 'any' : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {field.unit && (
            <span id={unitId} className="unit">
              {field.unit}
            </span>
          )}
        </span>
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
