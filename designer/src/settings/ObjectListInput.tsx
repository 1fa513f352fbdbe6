import { useState } from 'react';
import { FieldName } from './FieldName';
import { rowOfShape, shapeOf, type RowField, type RowShape } from './row-schema';
import type { SettingField } from './setting-fields';
import type { ControlAttributes } from './SettingInput';
import { formatListText, parseListText, parseNumberInput } from './setting-input-text';

type Row = Record<string, unknown>;

interface ObjectListInputProps {
  field: SettingField;
  rows: readonly Row[];
  control: ControlAttributes;
  /** Problems the API placed on one field of one row ("escalation.steps.1.afterDays"). */
  problemsAt: (path: string) => readonly string[];
  onChange: (rows: Row[]) => void;
}

/**
 * A list of objects (escalation steps, deadline rules) as repeatable rows: one labelled control per
 * field, choices as selects, numbers with their unit; rows are added, removed and moved in place.
 */
export function ObjectListInput({ field, rows, control, problemsAt, onChange }: ObjectListInputProps) {
  const shapes = field.shapes ?? [];
  const replace = (index: number, row: Row) => onChange(rows.map((old, at) => (at === index ? row : old)));
  function move(index: number, target: number): void {
    const next = [...rows];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  }

  return (
    <fieldset className="object-list-input" tabIndex={-1} {...control}>
      <legend>
        <FieldName field={field} />
      </legend>
      <ol>
        {rows.map((row, index) => {
          const shape = shapeOf(shapes, row);
          const rowName = `Row ${index + 1}`;
          const rowId = `${control.id}-${index}`;
          return (
            <li key={index}>
              <fieldset className="object-row">
                <legend>
                  <span className="visually-hidden">{field.label}, </span>
                  {rowName}
                </legend>
                <div className="object-row-fields">
                  {shapes.length > 1 && shape?.discriminator && (
                    <KindSelect
                      id={`${rowId}-${shape.discriminator.key}`}
                      context={`${field.label}, ${rowName}`}
                      shapes={shapes}
                      current={shape}
                      onChange={(next) => replace(index, rowOfShape(next, row))}
                    />
                  )}
                  {shape?.fields.map((rowField) => (
                    <RowFieldInput
                      key={rowField.key}
                      id={`${rowId}-${rowField.key}`}
                      context={`${field.label}, ${rowName}`}
                      field={rowField}
                      value={row[rowField.key]}
                      problems={problemsAt(`${field.path}.${index}.${rowField.key}`)}
                      onChange={(value) => {
                        const next = { ...row };
                        if (value === undefined) delete next[rowField.key];
                        else next[rowField.key] = value;
                        replace(index, next);
                      }}
                    />
                  ))}
                </div>
                <ProblemLines id={`${rowId}-problems`} problems={problemsAt(`${field.path}.${index}`)} />
                <div className="object-row-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={`Move up: ${field.label}, ${rowName}`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={`Move down: ${field.label}, ${rowName}`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={`Remove: ${field.label}, ${rowName}`}
                    onClick={() => onChange(rows.filter((_, at) => at !== index))}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {shapes[0] && (
        <button
          type="button"
          className="button-secondary"
          aria-label={`Add a row: ${field.label}`}
          onClick={() => onChange([...rows, rowOfShape(shapes[0]!)])}
        >
          Add a row
        </button>
      )}
    </fieldset>
  );
}

function ProblemLines({ id, problems }: { id: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-error">
      {problems.map((problem, index) => (
        <li key={index}>{problem}</li>
      ))}
    </ul>
  );
}

interface KindSelectProps {
  id: string;
  context: string;
  shapes: readonly RowShape[];
  current: RowShape;
  onChange: (shape: RowShape) => void;
}

/** The field that tells kinds of row apart (a step's action): changing it reshapes the row. */
function KindSelect({ id, context, shapes, current, onChange }: KindSelectProps) {
  const key = current.discriminator!.key;
  return (
    <div className="setting-input setting-input-choice">
      <label htmlFor={id}>
        <span className="visually-hidden">{context} › </span>
        {key.charAt(0).toUpperCase() + key.slice(1)}
      </label>
      <select
        id={id}
        value={current.discriminator!.value}
        onChange={(event) =>
          onChange(shapes.find((shape) => shape.discriminator?.value === event.target.value) ?? current)
        }
      >
        {shapes.map((shape) => (
          <option key={shape.discriminator!.value} value={shape.discriminator!.value}>
            {shape.discriminator!.value}
          </option>
        ))}
      </select>
    </div>
  );
}

interface RowFieldInputProps {
  id: string;
  /** "Steps, Row 2": part of the accessible name, as every row repeats the same labels. */
  context: string;
  field: RowField;
  value: unknown;
  problems: readonly string[];
  onChange: (value: unknown) => void;
}

function RowFieldInput({ id, context, field, value, problems, onChange }: RowFieldInputProps) {
  const hintId = field.description ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const attributes = {
    id,
    'aria-invalid': problems.length > 0,
    'aria-describedby': [problemsId, hintId].filter(Boolean).join(' ') || undefined,
  };
  const name = (
    <>
      <span className="visually-hidden">{context} › </span>
      {field.label}
      {!field.required && <span className="muted"> (optional)</span>}
    </>
  );
  const label = <label htmlFor={id}>{name}</label>;
  let control;
  switch (field.kind) {
    case 'number':
      control = (
        <input
          type="number"
          {...attributes}
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          min={field.min}
          max={field.max}
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(event) => {
            const parsed = parseNumberInput(event.target.value);
            onChange(parsed === null && !field.required ? undefined : parsed);
          }}
        />
      );
      break;
    case 'choice': {
      const current = String(value ?? '');
      const options = field.options ?? [];
      control = (
        <select {...attributes} value={current} onChange={(event) => onChange(event.target.value)}>
          {!options.includes(current) && <option value={current}>{current || '—'}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'yes-no':
      if (!field.required) {
        // Unset is a third answer (the schema's default, which its help states), not "no".
        control = (
          <select
            {...attributes}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(event) =>
              onChange(event.target.value === '' ? undefined : event.target.value === 'yes')
            }
          >
            <option value="">Not set (the default)</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        );
        break;
      }
      return (
        <div className="setting-input">
          <div className="setting-checkbox">
            <input
              type="checkbox"
              {...attributes}
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
            />
            {label}
          </div>
          <Help id={hintId} text={field.description} />
          <ProblemLines id={problemsId ?? ''} problems={problems} />
        </div>
      );
    case 'choices': {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      return (
        <fieldset className="setting-input row-choices" {...attributes} tabIndex={-1}>
          <legend>{name}</legend>
          {(field.options ?? []).map((option) => (
            <label key={option} className="setting-checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option),
                  )
                }
              />
              {option}
            </label>
          ))}
          <Help id={hintId} text={field.description} />
          <ProblemLines id={problemsId ?? ''} problems={problems} />
        </fieldset>
      );
    }
    case 'list-text':
      control = <ListText attributes={attributes} value={value} onChange={onChange} />;
      break;
    default:
      control = (
        <input
          type="text"
          {...attributes}
          value={typeof value === 'string' ? value : String(value ?? '')}
          onChange={(event) =>
            onChange(event.target.value === '' && !field.required ? undefined : event.target.value)
          }
        />
      );
  }
  return (
    <div className={`setting-input setting-input-${field.kind}`}>
      {label}
      {control}
      <Help id={hintId} text={field.description} />
      <ProblemLines id={problemsId ?? ''} problems={problems} />
    </div>
  );
}

function Help({ id, text }: { id: string | undefined; text: string | undefined }) {
  return text ? (
    <p id={id} className="hint">
      {text}
    </p>
  ) : null;
}

/** Codes and other free lists: comma-separated, kept as typed so a trailing comma is not eaten. */
function ListText({
  attributes,
  value,
  onChange,
}: {
  attributes: ControlAttributes;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => formatListText(Array.isArray(value) ? value : []));
  return (
    <input
      type="text"
      {...attributes}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseListText(event.target.value, 'string'));
      }}
    />
  );
}
