import { useId } from 'react';
import { defaultOf, type JsonSchema, variantIndexOf, variantName, variantsOf } from './json-schema';
import { ObjectFields } from './ObjectFields';
import { type FieldProps, SchemaField } from './SchemaField';

/**
 * A value of one of several shapes (a duration or a setting, after a duration or at a deadline):
 * a choice of the shape, then its fields. Switching keeps the fields both shapes have (a timeout's
 * "goes to").
 */
export function VariantField({ schema, value, onChange, name, label }: FieldProps) {
  const id = useId();
  const variants = variantsOf(schema)!;
  const index = variantIndexOf(value, variants);
  const chosen = variants[index]!;
  const choose = (next: JsonSchema) => {
    const fresh = defaultOf(next);
    if (isObject(fresh) && isObject(value)) {
      const kept = Object.keys(next.properties ?? {}).filter(
        (key) => key in value && next.properties?.[key]?.const === undefined,
      );
      onChange({ ...fresh, ...Object.fromEntries(kept.map((key) => [key, value[key]])) });
    } else onChange(fresh);
  };
  return (
    <fieldset className="schema-group schema-variant">
      <legend>{label}</legend>
      <div className="schema-field">
        <label htmlFor={id}>{label}: given as</label>
        <select id={id} value={index} onChange={(event) => choose(variants[Number(event.target.value)]!)}>
          {variants.map((variant, at) => (
            <option key={at} value={at}>
              {variantName(variant, variants)}
            </option>
          ))}
        </select>
      </div>
      {chosen.type === 'object' && chosen.properties ? (
        <ObjectFields schema={chosen} value={value} onChange={onChange} />
      ) : (
        <SchemaField schema={chosen} value={value} onChange={onChange} name={name} label={label} />
      )}
    </fieldset>
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
