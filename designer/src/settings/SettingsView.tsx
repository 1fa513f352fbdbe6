import { useMemo } from 'react';
import { Notice } from '../Notice';
import { flattenSettings, leavesToMap } from './flatten-settings';
import { groupSettingFields, settingFields } from './setting-fields';
import type { JsonSchema, SettingsObject } from './settings-api';
import { SettingValue } from './SettingValue';

interface SettingsViewProps {
  settings: SettingsObject;
  schema: JsonSchema;
}

/** Every setting of one version, read-only and grouped, each with its label, path and meaning. */
export function SettingsView({ settings, schema }: SettingsViewProps) {
  const groups = useMemo(() => groupSettingFields(settingFields(settings, schema)), [settings, schema]);
  const values = useMemo(() => leavesToMap(flattenSettings(settings)), [settings]);
  if (groups.length === 0) return <Notice tone="empty">This journey type has no program settings.</Notice>;

  return (
    <div className="settings-groups">
      {groups.map((group) => (
        <div key={group.name} className="settings-group">
          <h4>{group.name || 'General'}</h4>
          <dl className="settings-list">
            {group.fields.map((field) => (
              <div key={field.path} className="settings-row">
                <dt>
                  {field.label} <code className="settings-path">{field.path}</code>
                  {field.description && <p className="hint">{field.description}</p>}
                </dt>
                <dd>
                  <SettingValue value={values.get(field.path)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
