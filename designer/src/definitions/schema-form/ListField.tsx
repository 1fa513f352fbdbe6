import { defaultOf } from './json-schema';
import { type FieldProps, SchemaField } from './SchemaField';

/** A list: each item in its own group, removable; a new item starts as the schema's default. */
export function ListField({ schema, value, onChange, label }: FieldProps) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  return (
    <fieldset className="schema-group schema-list">
      <legend>{label}</legend>
      {items.length === 0 && <p className="muted">None yet.</p>}
      {items.map((item, index) => (
        <div key={index} className="schema-item">
          <SchemaField
            schema={itemSchema}
            value={item}
            name="item"
            label={`${label}: ${index + 1}`}
            onChange={(changed) => onChange(items.map((old, at) => (at === index ? changed : old)))}
          />
          <button
            type="button"
            className="button-link"
            onClick={() => onChange(items.filter((_, at) => at !== index))}
          >
            Remove {label.toLowerCase()}: {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => onChange([...items, defaultOf(itemSchema)])}
      >
        Add to {label.toLowerCase()}
      </button>
    </fieldset>
  );
}
