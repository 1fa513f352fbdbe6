import { useId } from 'react';
import { fullLabel, type SettingField } from './setting-fields';
import type { SettingChange } from './settings-diff';
import { SettingValue } from './SettingValue';

interface SettingsDiffTableProps {
  changes: readonly SettingChange[];
  fields: readonly SettingField[];
  publishedVersion: number;
}

/** What publishing the draft would change, leaf by leaf, against the version it started from. */
export function SettingsDiffTable({ changes, fields, publishedVersion }: SettingsDiffTableProps) {
  const headingId = useId();
  const labels = new Map(fields.map((field) => [field.path, field]));

  return (
    <section className="settings-diff" aria-labelledby={headingId}>
      <h4 id={headingId}>Differences from the published version</h4>
      {changes.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <DiffTable changes={changes} labels={labels} publishedVersion={publishedVersion} />
      )}
    </section>
  );
}

interface DiffTableProps {
  changes: readonly SettingChange[];
  labels: ReadonlyMap<string, SettingField>;
  publishedVersion: number;
}

function DiffTable({ changes, labels, publishedVersion }: DiffTableProps) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">
          Differences from the published version (version {publishedVersion})
        </caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Version {publishedVersion}</th>
            <th scope="col">Draft</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const field = labels.get(change.path);
            return (
              <tr key={change.path}>
                <th scope="row">
                  {field ? fullLabel(field) : change.path}{' '}
                  <code className="settings-path">{change.path}</code>
                </th>
                <td>
                  <SettingValue value={change.published} />
                </td>
                <td>
                  <SettingValue value={change.draft} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
