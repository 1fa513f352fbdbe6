import { useId, useState } from 'react';
import type { ApiClient } from '../api';
import { useApiResource } from '../useApiResource';
import { DraftEditor } from './DraftEditor';
import type { SettingsJourneyType } from './settings-api';
import { VersionBrowser } from './VersionBrowser';
import './program-settings.css';

interface ProgramSettingsPanelProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  /** Designers may edit and publish; operators and auditors only read (the API enforces it too). */
  canPublish: boolean;
}

/** The settings of one journey type, by version; designers draft and publish new versions. */
export function ProgramSettingsPanel(props: ProgramSettingsPanelProps) {
  // A new journey type starts afresh: its requests are aborted and any draft is dropped.
  return <ProgramSettings key={props.journeyType.id} {...props} />;
}

function ProgramSettings({ client, journeyType, canPublish }: ProgramSettingsPanelProps) {
  const headingId = useId();
  const { resource: versions, reload: reloadVersions } = useApiResource(
    client,
    '/api/programs/{journeyType}/settings/versions',
    { params: { path: { journeyType: journeyType.id } } },
  );
  const [chosen, setChosen] = useState<number>();
  const [editing, setEditing] = useState(false);

  return (
    <section className="panel program-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>Program settings: {journeyType.title}</h2>
      <p className="program-settings-pinning" role="note">
        Journeys already running keep the settings version they were enrolled with; only journeys enrolled
        after publishing get the new version.
      </p>
      {!canPublish && (
        <p className="muted">
          Only designers can edit and publish program settings; you can view every version.
        </p>
      )}
      <VersionBrowser
        client={client}
        journeyType={journeyType}
        versions={versions}
        onRetry={reloadVersions}
        chosen={chosen}
        onChoose={setChosen}
      />
      {canPublish &&
        (editing ? (
          <DraftEditor
            client={client}
            journeyType={journeyType}
            onPublished={(version) => {
              setChosen(version.version);
              reloadVersions();
            }}
            onClose={() => setEditing(false)}
          />
        ) : (
          <button type="button" className="program-settings-edit" onClick={() => setEditing(true)}>
            Edit a draft
          </button>
        ))}
    </section>
  );
}
