import type { MessageContent } from '../../../contracts/journey-definitions/definition-schema';
import { MessageEditor } from './message/MessageEditor';
import { useFormContext } from './schema-form/form-context';

interface MessageContentFieldProps {
  value: MessageContent;
  onChange: (value: MessageContent) => void;
  label: string;
}

/**
 * A message node's content: the message editor, with the message rendered per language and
 * channel as the patient would get it, over the languages the definition offers.
 */
export function MessageContentField({ value, onChange, label }: MessageContentFieldProps) {
  const { languages } = useFormContext();
  return (
    <fieldset className="schema-group">
      <legend>{label}</legend>
      <MessageEditor value={value} languages={[...languages]} onChange={onChange} />
    </fieldset>
  );
}
