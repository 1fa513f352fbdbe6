import { useId } from 'react';
import type { ApiClient } from '../api';
import { DateTime } from '../DateTime';
import { formatDateTime } from '../format';
import { Notice } from '../Notice';
import { type Resource, useApiResource } from '../useApiResource';
import type { SettingsJourneyType, SettingsVersionSummary } from './settings-api';
import { SettingsView } from './SettingsView';

interface VersionBrowserProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  versions: Resource<SettingsVersionSummary[]>;
  onRetry: () => void;
  /** The version shown; undefined shows the current (newest) one. */
  chosen: number | undefined;
  onChoose: (version: number) => void;
}

/** Pick any published version (or the built-in defaults) and read its settings. */
export function VersionBrowser({
  client,
  journeyType,
  versions,
  onRetry,
  chosen,
  onChoose,
}: VersionBrowserProps) {
  const headingId = useId();
  const shown =
    versions.status === 'ready'
      ? (versions.data.find((summary) => summary.version === chosen) ?? versions.data[0])
      : undefined;

  return (
    <section className="settings-versions" aria-labelledby={headingId}>
      <h3 id={headingId}>Published versions</h3>
      {versions.status === 'loading' && <Notice tone="loading">Loading settings versions…</Notice>}
      {versions.status === 'error' && (
        <Notice tone="error" onRetry={onRetry}>
          {versions.message}
        </Notice>
      )}
      {versions.status === 'ready' && versions.data.length === 0 && (
        <Notice tone="empty">No settings versions yet.</Notice>
      )}
      {shown && versions.status === 'ready' && (
        <>
          <VersionPicker versions={versions.data} shown={shown} onChoose={onChoose} />
          <VersionSettings
            key={shown.version}
            client={client}
            journeyType={journeyType}
            version={shown.version}
          />
        </>
      )}
    </section>
  );
}

interface VersionPickerProps {
  versions: SettingsVersionSummary[];
  shown: SettingsVersionSummary;
  onChoose: (version: number) => void;
}

function VersionPicker({ versions, shown, onChoose }: VersionPickerProps) {
  const pickerId = useId();
  // The API lists versions newest first, and the newest is the one new enrolments get.
  const current = versions[0]!.version;
  return (
    <>
      <div className="settings-picker">
        <label htmlFor={pickerId}>Version</label>
        <select
          id={pickerId}
          value={shown.version}
          onChange={(event) => onChoose(Number(event.target.value))}
        >
          {versions.map((summary) => (
            <option key={summary.version} value={summary.version}>
              {optionText(summary, summary.version === current)}
            </option>
          ))}
        </select>
      </div>
      <p className="settings-version-facts">
        {shown.version === current && <strong>In force for new enrolments. </strong>}
        {shown.note || 'No note.'}{' '}
        {shown.publishedAt ? (
          <span className="muted">
            Published by {shown.publishedBy} on <DateTime value={shown.publishedAt} />.
          </span>
        ) : (
          <span className="muted">Built into Carepath.</span>
        )}
      </p>
    </>
  );
}

/** Option text is plain: "Version 3 (current) · Shorter reminder lead · designer, 3 Mar 2026, 10:00". */
function optionText(summary: SettingsVersionSummary, isCurrent: boolean): string {
  const name = summary.version === 0 ? 'Version 0: built-in defaults' : `Version ${summary.version}`;
  const note = summary.note.length > 60 ? `${summary.note.slice(0, 59)}…` : summary.note;
  const published = summary.publishedAt
    ? `${summary.publishedBy}, ${formatDateTime(summary.publishedAt)}`
    : undefined;
  return [`${name}${isCurrent ? ' (current)' : ''}`, summary.version === 0 ? undefined : note, published]
    .filter(Boolean)
    .join(' · ');
}

interface VersionSettingsProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  version: number;
}

function VersionSettings({ client, journeyType, version }: VersionSettingsProps) {
  const { resource, reload } = useApiResource(
    client,
    '/api/programs/{journeyType}/settings/versions/{version}',
    { params: { path: { journeyType: journeyType.id, version } } },
  );
  if (resource.status === 'loading') return <Notice tone="loading">Loading version {version}…</Notice>;
  if (resource.status === 'error') {
    return (
      <Notice tone="error" onRetry={reload}>
        {resource.message}
      </Notice>
    );
  }
  return <SettingsView settings={resource.data.settings} schema={journeyType.settingsSchema} />;
}
