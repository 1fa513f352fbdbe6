import { useId, useState } from 'react';
import { useFormContext } from './form-context';
import { defaultOf, recordValuesOf } from './json-schema';
import { type FieldProps, SchemaField } from './SchemaField';

/**
 * A map with keys: a fixed set (reading levels, channels) shows every key, a message's wording
 * every language the journey offers; other maps (settings, event fields) add keys by name. An
 * entry emptied (no text, nothing inside) goes, so a draft never holds empty wording.
 */
export function RecordField({ schema, value, onChange, name, label }: FieldProps) {
  const { languages } = useFormContext();
  const valueSchema = recordValuesOf(schema)!;
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const fixedKeys = schema.propertyNames?.enum;
  const suggested = fixedKeys ?? (name === 'wording' ? languages : []);
  const keys = [...new Set([...suggested, ...Object.keys(record)])];
  const set = (key: string, child: unknown) => {
    const { [key]: _old, ...rest } = record;
    onChange(isEmpty(child) ? rest : { ...record, [key]: child });
  };
  return (
    <fieldset className="schema-group schema-record">
      <legend>{label}</legend>
      {keys.map((key) => (
        <div key={key} className="schema-entry">
          <SchemaField
            schema={valueSchema}
            value={record[key] ?? (valueSchema.type === 'string' ? '' : undefined)}
            name={key}
            label={key}
            onChange={(child) => set(key, child)}
          />
          {!suggested.includes(key) && (
            <button type="button" className="button-link" onClick={() => set(key, undefined)}>
              Remove {key}
            </button>
          )}
        </div>
      ))}
      {!fixedKeys && (
        <NewKey
          label={label}
          taken={keys}
          onAdd={(key) => onChange({ ...record, [key]: defaultOf(valueSchema) })}
        />
      )}
    </fieldset>
  );
}

function NewKey({ label, taken, onAdd }: { label: string; taken: string[]; onAdd: (key: string) => void }) {
  const id = useId();
  const [key, setKey] = useState('');
  const usable = key.trim() !== '' && !taken.includes(key.trim());
  return (
    <div className="schema-field schema-new-key">
      <label htmlFor={id}>New name in {label.toLowerCase()}</label>
      <input id={id} type="text" value={key} onChange={(event) => setKey(event.target.value)} />
      <button
        type="button"
        className="button-secondary"
        disabled={!usable}
        onClick={() => {
          onAdd(key.trim());
          setKey('');
        }}
      >
        Add {key.trim() || 'entry'}
      </button>
    </div>
  );
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === '' ||
    (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}
