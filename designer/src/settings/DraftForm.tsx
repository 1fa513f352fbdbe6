import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api';
import { Notice } from '../Notice';
import { DraftFields } from './DraftFields';
import { NO_PROBLEMS } from './field-problems';
import { MessagePreview } from './MessagePreview';
import { flattenSettings, leavesToMap, mapToLeaves, rebuildSettings } from './flatten-settings';
import { ProblemList } from './ProblemList';
import { PublishNote } from './PublishNote';
import { settingFields } from './setting-fields';
import type { SettingsJourneyType, SettingsVersion } from './settings-api';
import { applyChanges, diffSettings, type SettingChange } from './settings-diff';
import { SettingsDiffTable } from './SettingsDiffTable';
import { useDraftRequests } from './useDraftRequests';

/** A draft's edits and note, carried onto a newer version when someone published meanwhile. */
export interface CarriedDraft {
  changes: SettingChange[];
  note: string;
}

interface DraftFormProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  /** The version the draft started from: the diff compares with it, publishing names it. */
  base: SettingsVersion;
  carried: CarriedDraft | undefined;
  onPublished: (version: SettingsVersion) => void;
  onRebase: (draft: CarriedDraft) => void;
  onDiscard: () => void;
}

/** Edit every setting, see what changes, validate, and publish: nothing is sent without a click. */
export function DraftForm({
  client,
  journeyType,
  base,
  carried,
  onPublished,
  onRebase,
  onDiscard,
}: DraftFormProps) {
  const fields = useMemo(
    () => settingFields(base.settings, journeyType.settingsSchema),
    [base.settings, journeyType.settingsSchema],
  );
  const [values, setValues] = useState(() =>
    leavesToMap(flattenSettings(applyChanges(base.settings, carried?.changes ?? []))),
  );
  const [note, setNote] = useState(carried?.note ?? '');
  const draft = useMemo(() => rebuildSettings(mapToLeaves(values)), [values]);
  const changes = useMemo(() => diffSettings(base.settings, draft), [base.settings, draft]);
  const paths = useMemo(() => fields.map((field) => field.path), [fields]);
  const { busy, outcome, answers, validate, publish, recordEdit } = useDraftRequests({
    client,
    journeyType: journeyType.id,
    paths,
    basedOnVersion: base.version,
    onPublished,
  });

  const idPrefix = useId();
  const fieldId = useCallback((path: string) => `${idPrefix}-${path.replace(/[^\w-]/g, '_')}`, [idPrefix]);
  const headingId = `${idPrefix}-heading`;
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The button just pressed was disabled while waiting, which drops focus: bring it to the answer.
  useEffect(() => {
    if (answers > 0) outcomeRef.current?.focus();
  }, [answers]);

  function edit(path: string, value: unknown): void {
    setValues((current) => new Map(current).set(path, value));
    recordEdit(path);
  }

  return (
    <section className="draft-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>Draft based on version {base.version}</h3>
      <p className="muted">
        Nothing is saved or published until you press Publish. Leaving this screen discards the draft.
      </p>
      <div className="draft-columns">
        <DraftFields
          fields={fields}
          values={values}
          problems={outcome.kind === 'problems' ? outcome.problems : NO_PROBLEMS}
          fieldId={fieldId}
          disabled={busy === 'publishing'}
          onChange={edit}
        />
        <div className="draft-review">
          <SettingsDiffTable changes={changes} fields={fields} publishedVersion={base.version} />
          <div className="draft-outcome" ref={outcomeRef} tabIndex={-1}>
            <div role="status">
              {outcome.kind === 'valid' && <p className="draft-valid">The draft is valid.</p>}
            </div>
            {outcome.kind === 'problems' && (
              <ProblemList
                intro={outcome.intro}
                problems={outcome.problems}
                fields={fields}
                fieldId={fieldId}
              />
            )}
            {outcome.kind === 'failed' && <Notice tone="error">{outcome.message}</Notice>}
            {outcome.kind === 'conflict' && (
              <div className="notice notice-error draft-conflict" role="alert">
                <p>
                  Another version was published while you edited this draft. {outcome.message} Your draft is
                  kept: reload the latest version to carry your changes onto it, then review and publish.
                </p>
                <button type="button" onClick={() => onRebase({ changes, note })}>
                  Reload the latest version
                </button>
              </div>
            )}
          </div>
          <div className="toolbar">
            <button
              type="button"
              className="button-secondary"
              disabled={busy !== undefined}
              onClick={() => void validate(draft)}
            >
              {busy === 'validating' ? 'Validating…' : 'Validate'}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy !== undefined}
              onClick={onDiscard}
            >
              Discard draft
            </button>
          </div>
          <MessagePreview client={client} journeyType={journeyType} draft={draft} />
          <PublishNote
            note={note}
            onNoteChange={setNote}
            busy={busy}
            hasChanges={changes.length > 0}
            onPublish={(trimmedNote) => void publish(draft, trimmedNote)}
          />
        </div>
      </div>
    </section>
  );
}
