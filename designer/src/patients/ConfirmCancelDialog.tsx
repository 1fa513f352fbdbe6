import { useEffect, useId, useRef } from 'react';

interface ConfirmCancelDialogProps {
  /** The reason the operator typed: repeated, so they confirm what the timeline will keep. */
  reason: string;
  busy: boolean;
  onConfirm: () => void;
  /** Back, Escape: nothing is changed. */
  onBack: () => void;
}

/**
 * Cancelling ends a journey for good, so it asks first and repeats the reason. A modal `<dialog>`:
 * the browser keeps focus inside it and Escape closes it; Back is focused first, so a stray Enter
 * does not cancel anything.
 */
export function ConfirmCancelDialog({ reason, busy, onConfirm, onBack }: ConfirmCancelDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    back.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        // Escape: close through React's state, not behind its back.
        event.preventDefault();
        onBack();
      }}
    >
      <h2 id={`${id}-title`}>Cancel this journey?</h2>
      <div id={`${id}-body`}>
        <p>
          Reason: <q>{reason}</q>
        </p>
        <p>Nothing more is sent to the patient and no step is taken. This cannot be undone.</p>
      </div>
      <div className="toolbar">
        <button ref={back} type="button" className="button-secondary" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="button" className="button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Cancelling…' : 'Confirm: cancel the journey'}
        </button>
      </div>
    </dialog>
  );
}
