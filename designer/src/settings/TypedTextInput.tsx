import { useState } from 'react';
import type { SettingField } from './setting-fields';
import type { ControlAttributes } from './SettingInput';
import {
  formatListText,
  formatStructuredText,
  parseListText,
  parseStructuredText,
} from './setting-input-text';

interface TypedTextInputProps {
  field: SettingField;
  value: unknown;
  control: ControlAttributes;
  onChange: (value: unknown) => void;
}

/*
 * Lists and structured values are typed as text. The text is kept as typed (re-formatting it on
 * every keystroke would eat a trailing comma or half-typed JSON) and parsed into the draft.
 */

/** Any list other than a list of strings to reorder: comma-separated. */
export function ListTextInput({ field, value, control, onChange }: TypedTextInputProps) {
  const [text, setText] = useState(() => formatListText(Array.isArray(value) ? value : []));
  return (
    <input
      type="text"
      {...control}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseListText(event.target.value, field.itemType ?? 'string'));
      }}
    />
  );
}

/** Lists of objects (escalation steps, deadline rules): JSON, checked as it is typed. */
export function StructuredInput({ value, control, onChange }: TypedTextInputProps) {
  const [text, setText] = useState(() => formatStructuredText(value));
  const readable = parseStructuredText(text).readable;
  const unreadableId = `${control.id}-unreadable`;
  return (
    <>
      <textarea
        {...control}
        className="structured-input"
        rows={Math.min(14, text.split('\n').length + 1)}
        spellCheck={false}
        aria-invalid={control['aria-invalid'] || !readable}
        aria-describedby={
          [readable ? undefined : unreadableId, control['aria-describedby']].filter(Boolean).join(' ') ||
          undefined
        }
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseStructuredText(event.target.value).value);
        }}
      />
      {!readable && (
        <p id={unreadableId} className="field-error">
          This is not valid JSON yet; the draft keeps it as typed.
        </p>
      )}
    </>
  );
}
