import type { SaveState } from './useDraftSync';

interface SaveStatusProps {
  save: SaveState;
  onReload: () => void;
}

/** Whether the draft is saved; after a conflict, who to blame and the way out. */
export function SaveStatus({ save, onReload }: SaveStatusProps) {
  switch (save.status) {
    case 'saved':
      return (
        <p className="muted" role="status">
          {save.at ? 'All changes saved.' : 'No unsaved changes.'}
        </p>
      );
    case 'pending':
    case 'saving':
      return (
        <p className="muted" role="status">
          Saving…
        </p>
      );
    case 'not-saved':
      return (
        <p className="field-error" role="status">
          {save.reason}
        </p>
      );
    case 'failed':
      return (
        <p className="field-error" role="alert">
          The draft could not be saved: {save.message} It is saved again with your next change.
        </p>
      );
    case 'conflict':
      return (
        <div className="problem-list" role="alert">
          <p>
            Someone else saved this draft since you opened it, so your last changes were not saved.{' '}
            {save.message}
          </p>
          <button type="button" onClick={onReload}>
            Reload their draft
          </button>
        </div>
      );
  }
}
