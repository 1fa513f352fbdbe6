import { HIDDEN_FIELDS, labelOf } from './form-context';
import { defaultOf, type JsonSchema } from './json-schema';
import { SchemaField } from './SchemaField';

interface ObjectFieldsProps {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: Record<string, unknown>) => void;
  /** Keys shown elsewhere (a node's id has its own field). */
  omit?: readonly string[];
}

/** An object's fields in schema order; an optional one absent until the designer adds it. */
export function ObjectFields({ schema, value, onChange, omit = [] }: ObjectFieldsProps) {
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const required = new Set(schema.required ?? []);
  const set = (key: string, child: unknown) => {
    const { [key]: _old, ...rest } = object;
    onChange(child === undefined ? rest : { ...object, [key]: child });
  };
  return (
    <>
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => !HIDDEN_FIELDS.has(key) && !omit.includes(key))
        .map(([key, property]) => {
          const label = labelOf(key, property.title);
          if (!required.has(key) && object[key] === undefined) {
            return (
              <div key={key} className="schema-field schema-absent">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => set(key, defaultOf(property))}
                >
                  Add {label.toLowerCase()}
                </button>
              </div>
            );
          }
          return (
            <div key={key} className="schema-property">
              <SchemaField
                schema={property}
                value={object[key]}
                name={key}
                label={label}
                onChange={(child) => set(key, child)}
              />
              {!required.has(key) && (
                <button type="button" className="button-link" onClick={() => set(key, undefined)}>
                  Remove {label.toLowerCase()}
                </button>
              )}
            </div>
          );
        })}
    </>
  );
}
