import { useMemo } from 'react';
import { Notice } from '../Notice';
import type { PlacedProblems } from './field-problems';
import { groupSettingFields, type SettingField } from './setting-fields';
import { SettingInput } from './SettingInput';

interface DraftFieldsProps {
  fields: readonly SettingField[];
  values: ReadonlyMap<string, unknown>;
  problems: PlacedProblems;
  fieldId: (path: string) => string;
  /** While publishing, the draft being sent must not change under it. */
  disabled: boolean;
  onChange: (path: string, value: unknown) => void;
}

const NONE: readonly string[] = [];

/** One labelled control per setting, grouped as in the read-only view. */
export function DraftFields({ fields, values, problems, fieldId, disabled, onChange }: DraftFieldsProps) {
  const groups = useMemo(() => groupSettingFields(fields), [fields]);
  if (groups.length === 0)
    return <Notice tone="empty">This journey type has no program settings to edit.</Notice>;
  return (
    // No submit: Enter in a field must never publish (or do anything but edit).
    <form className="draft-fields" aria-label="Draft settings" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="draft-fieldset" disabled={disabled}>
        {groups.map((group) => (
          <div key={group.name} className="settings-group">
            <h4>{group.name || 'General'}</h4>
            {group.fields.map((field) => (
              <SettingInput
                key={field.path}
                field={field}
                id={fieldId(field.path)}
                value={values.get(field.path)}
                problems={
                  field.kind === 'rows'
                    ? (problems.atPath.get(field.path) ?? NONE)
                    : (problems.byPath.get(field.path) ?? NONE)
                }
                problemsAt={(path) => problems.atPath.get(path) ?? NONE}
                onChange={(value) => onChange(field.path, value)}
              />
            ))}
          </div>
        ))}
      </fieldset>
    </form>
  );
}
