import { useId, useRef, useState } from 'react';

interface PublishNoteProps {
  note: string;
  onNoteChange: (note: string) => void;
  busy: 'validating' | 'publishing' | undefined;
  hasChanges: boolean;
  /** Called with the trimmed note, only from a click on Publish. */
  onPublish: (note: string) => void;
}

/** The note the version history shows, and the one button that publishes. */
export function PublishNote({ note, onNoteChange, busy, hasChanges, onPublish }: PublishNoteProps) {
  const noteId = useId();
  const [noteMissing, setNoteMissing] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);

  function publish(): void {
    // The API accepts an empty note, but the version history is only useful when every version has one.
    if (note.trim() === '') {
      setNoteMissing(true);
      noteField.current?.focus();
      return;
    }
    onPublish(note.trim());
  }

  return (
    <div className="publish-note">
      <label htmlFor={noteId}>What changed and why</label>
      <textarea
        id={noteId}
        ref={noteField}
        rows={3}
        maxLength={500}
        value={note}
        aria-invalid={noteMissing}
        aria-describedby={noteMissing ? `${noteId}-missing` : `${noteId}-hint`}
        onChange={(event) => {
          onNoteChange(event.target.value);
          if (event.target.value.trim()) setNoteMissing(false);
        }}
      />
      {noteMissing ? (
        <p id={`${noteId}-missing`} className="field-error">
          Say what changed and why before publishing: the version history shows it.
        </p>
      ) : (
        <p id={`${noteId}-hint`} className="hint">
          Shown in the version history. Publishing only affects journeys enrolled from then on.
        </p>
      )}
      <div className="toolbar">
        <button type="button" disabled={busy !== undefined || !hasChanges} onClick={publish}>
          {busy === 'publishing' ? 'Publishing…' : 'Publish'}
        </button>
        {!hasChanges && <span className="muted">Change a setting to publish a new version.</span>}
      </div>
    </div>
  );
}
