import { useId } from 'react';
import type { MessageContent } from '../../../../contracts/journey-definitions/definition-schema';
import { MessageContentField } from '../MessageContentField';
import { type FormContext, NODE_REF_FIELDS, useFormContext } from './form-context';
import type { JsonSchema } from './json-schema';
import { recordValuesOf, variantsOf } from './json-schema';
import { ListField } from './ListField';
import { ObjectFields } from './ObjectFields';
import { RecordField } from './RecordField';
import { RuleEditor } from './RuleEditor';
import { VariantField } from './VariantField';

export interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  /** `undefined` removes an optional field. */
  onChange: (value: unknown) => void;
  /** The field's key in its object (decides the special editors: node references, stages, rules). */
  name: string;
  label: string;
}

/** One value of a definition, edited by the control its JSON Schema calls for. */
export function SchemaField(props: FieldProps) {
  const { schema, name } = props;
  if (name === 'when') return <RuleEditor {...props} />;
  if (name === 'message' && schema.type === 'object') {
    return (
      <MessageContentField
        value={props.value as MessageContent}
        onChange={props.onChange}
        label={props.label}
      />
    );
  }
  if (variantsOf(schema)) return <VariantField {...props} />;
  if (schema.type === 'object' && schema.properties) {
    return (
      <fieldset className="schema-group">
        <legend>{props.label}</legend>
        <ObjectFields schema={schema} value={props.value} onChange={props.onChange} />
      </fieldset>
    );
  }
  if (recordValuesOf(schema)) return <RecordField {...props} />;
  if (schema.type === 'array') return <ListField {...props} />;
  return <ScalarField {...props} />;
}

/** Text, numbers, yes/no, a fixed list, or one of the draft's nodes, stages or events. */
export function ScalarField({ schema, value, onChange, name, label }: FieldProps) {
  const id = useId();
  const context = useFormContext();
  const choices = choicesFor(name, schema, context);
  let control;
  if (choices) {
    const known = choices.some((choice) => choice.value === value);
    control = (
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {!known && (
          <option value={typeof value === 'string' ? value : ''}>
            {value ? `${String(value)} (unknown)` : '—'}
          </option>
        )}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  } else if (schema.type === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  } else if (schema.type === 'number' || schema.type === 'integer') {
    control = (
      <input
        id={id}
        type="number"
        step={schema.type === 'integer' ? 1 : 'any'}
        value={typeof value === 'number' ? value : ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    );
  } else if (schema.type === 'string' || schema.type === undefined) {
    control = (
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className={schema.type === 'boolean' ? 'schema-field schema-check' : 'schema-field'}>
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
}

function choicesFor(
  name: string,
  schema: JsonSchema,
  context: React.ContextType<typeof FormContext>,
): { value: string; label: string }[] | undefined {
  if (schema.enum) return schema.enum.map((value) => ({ value, label: value }));
  if (schema.type !== 'string') return undefined;
  if (NODE_REF_FIELDS.has(name))
    return context.nodes.map((node) => ({ value: node.id, label: `${node.label} (${node.id})` }));
  if (name === 'stage') return context.stages.map((stage) => ({ value: stage.id, label: stage.label }));
  if (name === 'event' && context.events.length > 0) {
    return context.events.map((event) => ({ value: event.type, label: `${event.label} (${event.type})` }));
  }
  return undefined;
}
