import type { MessageContent } from '../../../contracts/journey-definitions/definition-schema';
import type { JsonSchema } from './schema-form/json-schema';
import { ObjectFields } from './schema-form/ObjectFields';

interface MessageContentFieldProps {
  schema: JsonSchema;
  value: MessageContent;
  onChange: (value: MessageContent) => void;
  label: string;
}

/**
 * A message node's content: for now the form generated from its schema (wording per offered
 * language, reading level and channel). The one place where the rich message editor, with the
 * rendered message per language and channel, takes over.
 */
export function MessageContentField({ schema, value, onChange, label }: MessageContentFieldProps) {
  return (
    <fieldset className="schema-group">
      <legend>{label}</legend>
      <ObjectFields
        schema={schema}
        value={value}
        onChange={(changed) => onChange(changed as MessageContent)}
      />
    </fieldset>
  );
}
