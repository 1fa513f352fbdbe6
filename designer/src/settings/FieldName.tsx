import type { SettingField } from './setting-fields';

/**
 * A field's label. Many groups share leaf names ("Label", "Steps"), so the group is part of the
 * accessible name while only the sighted reader gets it from the group heading.
 */
export function FieldName({ field }: { field: SettingField }) {
  return (
    <>
      {field.group && <span className="visually-hidden">{field.group} › </span>}
      {field.label}
    </>
  );
}
