import { useEffect, useRef, useState } from 'react';
import { type ApiClient, type JourneyDetail, messageOf } from '../api';
import { Notice } from '../Notice';
import { ConfirmCancelDialog } from './ConfirmCancelDialog';

type Control = 'pause' | 'resume' | 'cancel';

interface JourneyControlsProps {
  client: ApiClient;
  journey: JourneyDetail;
  /** Called once a control is applied, so the detail reloads. */
  onChanged: () => void;
}

/**
 * An operator steers a running journey: pause, resume or cancel, always with a reason, which
 * the journey's timeline and the audit trail keep. Only controls that fit the status are shown.
 * Pause and resume act at once (either undoes the other); cancel cannot be undone, so it asks
 * for confirmation first, repeating the reason.
 */
export function JourneyControls({ client, journey, onChanged }: JourneyControlsProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Only once the modal dialog is gone: while it is open, the rest of the page cannot take focus.
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    cancelButton.current?.focus();
  }, [confirming]);
  const available: Control[] =
    journey.status === 'active'
      ? ['pause', 'cancel']
      : journey.status === 'paused'
        ? ['resume', 'cancel']
        : [];
  if (available.length === 0) return null;

  async function apply(control: Control): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await client.post(`/api/journeys/{id}/${control}`, {
        params: { path: { id: journey.id } },
        body: { reason },
      });
      setReason('');
      setConfirming(false);
      onChanged();
    } catch (failure) {
      setConfirming(false);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  function back(): void {
    // Focus returns to what opened the dialog.
    returnFocus.current = true;
    setConfirming(false);
  }

  return (
    <form
      className="journey-controls"
      aria-label="Steer this journey"
      onSubmit={(event) => event.preventDefault()}
    >
      <label htmlFor="control-reason">Reason (shown in the timeline)</label>
      <input
        id="control-reason"
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="toolbar">
        {available.map((control) => (
          <button
            key={control}
            ref={control === 'cancel' ? cancelButton : undefined}
            type="button"
            className={control === 'cancel' ? 'button-danger' : undefined}
            disabled={busy || reason.trim() === ''}
            onClick={() => (control === 'cancel' ? setConfirming(true) : void apply(control))}
          >
            {control === 'pause' ? 'Pause' : control === 'resume' ? 'Resume' : 'Cancel journey'}
          </button>
        ))}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {confirming && (
        <ConfirmCancelDialog
          reason={reason.trim()}
          busy={busy}
          onConfirm={() => void apply('cancel')}
          onBack={back}
        />
      )}
    </form>
  );
}
