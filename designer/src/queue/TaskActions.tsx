import { useState } from 'react';
import type { StaffTask } from '../api';

/** Outcomes staff record most; the API accepts any lowercase word and requires one. */
const OUTCOMES = ['reached', 'no-answer', 'left-message', 'booked', 'declined', 'done'] as const;

interface TaskActionsProps {
  task: StaffTask;
  /** The signed-in operator: claims are made in this name. */
  operatorName: string;
  busy: boolean;
  onClaim: () => void;
  onComplete: (outcome: string) => void;
}

/** Claim an open task, or finish one you hold; a task someone else holds says who has it. */
export function TaskActions({ task, operatorName, busy, onClaim, onComplete }: Readonly<TaskActionsProps>) {
  if (task.claimedBy === operatorName) {
    return <CompleteTaskForm task={task} busy={busy} onComplete={onComplete} />;
  }
  if (task.claimedBy) {
    return <span className="muted">Held by {task.claimedBy}</span>;
  }
  return (
    <button type="button" disabled={busy} onClick={onClaim} aria-label={`Claim: ${task.title}`}>
      Claim
    </button>
  );
}

function CompleteTaskForm({
  task,
  busy,
  onComplete,
}: Readonly<{ task: StaffTask; busy: boolean; onComplete: (outcome: string) => void }>) {
  // No default: an outcome nobody chose would tell the journey something that did not happen.
  const [outcome, setOutcome] = useState('');
  return (
    <form
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        if (outcome) onComplete(outcome);
      }}
    >
      <label>
        Outcome{' '}
        <select
          required
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
          aria-label={`Outcome: ${task.title}`}
        >
          <option value="" disabled>
            Choose…
          </option>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || !outcome}>
        Complete
      </button>
    </form>
  );
}
