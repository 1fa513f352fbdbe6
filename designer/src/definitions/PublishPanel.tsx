import { useId, useState } from 'react';
import { ApiError, messageOf } from '../api';

interface PublishPanelProps {
  problemCount: number;
  /** Saves what is on screen and publishes it with the note; resolves to the new version. */
  onPublish: (note: string) => Promise<number>;
}

type Outcome =
  { kind: 'published'; version: number } | { kind: 'refused'; message: string; details: string[] };

/** Publishing with a note: refused in the browser while problems remain; the server's answer shown. */
export function PublishPanel({ problemCount, onPublish }: PublishPanelProps) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const blocked = problemCount > 0;

  async function publish() {
    setBusy(true);
    setOutcome(undefined);
    try {
      const version = await onPublish(note.trim());
      setOutcome({ kind: 'published', version });
      setNote('');
    } catch (error) {
      setOutcome({
        kind: 'refused',
        message: messageOf(error),
        details: error instanceof ApiError ? error.errors.map((problem) => problem.message) : [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="definition-publish" aria-label="Publish">
      <label htmlFor={noteId}>What changed and why</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={500}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="toolbar">
        <button type="button" disabled={busy || blocked || note.trim() === ''} onClick={() => void publish()}>
          {busy ? 'Publishing…' : 'Publish'}
        </button>
        {blocked && <span className="muted">Fix the problems to publish.</span>}
        {!blocked && note.trim() === '' && <span className="muted">Say what changed to publish.</span>}
      </div>
      {outcome?.kind === 'published' && (
        <p role="status" className="notice-success">
          Published as version {outcome.version}. Journeys enrolled from now on run it.
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="problem-list">
          <p>{outcome.message}</p>
          {outcome.details.length > 0 && (
            <ul>
              {outcome.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
