import { FieldName } from './FieldName';
import { ObjectListInput } from './ObjectListInput';
import { PerLanguageTextInput } from './PerLanguageTextInput';
import { OrderedListInput } from './OrderedListInput';
import type { SettingField } from './setting-fields';
import { parseNumberInput } from './setting-input-text';
import { ListTextInput, StructuredInput } from './TypedTextInput';

/** What every control of a field carries: its id (problems link to it) and its descriptions. */
export interface ControlAttributes {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface SettingInputProps {
  field: SettingField;
  /** The control's id; the problem list links to it. */
  id: string;
  value: unknown;
  problems: readonly string[];
  /** For rows: problems the API placed on one field of one row. */
  problemsAt?: (path: string) => readonly string[];
  onChange: (value: unknown) => void;
}

const NONE: readonly string[] = [];

/** One draft setting: its label, the control its kind needs, its meaning and its problems. */
export function SettingInput({ field, id, value, problems, problemsAt, onChange }: SettingInputProps) {
  const hintId = field.description ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const control: ControlAttributes = {
    id,
    'aria-invalid': problems.length > 0,
    'aria-describedby': [problemsId, hintId].filter(Boolean).join(' ') || undefined,
  };
  const label = (
    <label htmlFor={id}>
      <FieldName field={field} />
    </label>
  );

  return (
    <div className={`setting-input setting-input-${field.kind}`}>
      {field.kind === 'yes-no' ? (
        <div className="setting-checkbox">
          <input
            type="checkbox"
            {...control}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </div>
      ) : field.kind === 'per-language' ? (
        <PerLanguageTextInput field={field} value={value} control={control} onChange={onChange} />
      ) : field.kind === 'rows' ? (
        <ObjectListInput
          field={field}
          rows={Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []}
          control={control}
          problemsAt={problemsAt ?? (() => NONE)}
          onChange={onChange}
        />
      ) : field.kind === 'ordered-list' ? (
        <OrderedListInput
          field={field}
          items={Array.isArray(value) ? value.map(String) : []}
          control={control}
          onChange={onChange}
        />
      ) : (
        <>
          {label}
          <Control field={field} value={value} control={control} onChange={onChange} />
        </>
      )}
      {field.description && (
        <p id={hintId} className="hint">
          {field.description}
        </p>
      )}
      {problemsId && (
        <ul id={problemsId} className="field-error">
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface ControlProps {
  field: SettingField;
  value: unknown;
  control: ControlAttributes;
  onChange: (value: unknown) => void;
}

function Control({ field, value, control, onChange }: ControlProps) {
  switch (field.kind) {
    case 'number':
      return (
        <input
          type="number"
          {...control}
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          min={field.min}
          max={field.max}
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(event) => onChange(parseNumberInput(event.target.value))}
        />
      );
    case 'choice': {
      const current = String(value ?? '');
      const options = field.options ?? [];
      return (
        <select {...control} value={current} onChange={(event) => onChange(event.target.value)}>
          {!options.includes(current) && <option value={current}>{current}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    case 'list-text':
      return <ListTextInput field={field} value={value} control={control} onChange={onChange} />;
    case 'structured':
      return <StructuredInput field={field} value={value} control={control} onChange={onChange} />;
    default:
      return (
        <input
          type="text"
          {...control}
          value={typeof value === 'string' ? value : String(value ?? '')}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
