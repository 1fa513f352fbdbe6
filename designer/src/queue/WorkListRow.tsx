import { Link } from 'react-router';
import type { StaffTask } from '../api';
import { DateTime } from '../DateTime';
import { lateness } from './work-list-query';
import { TaskActions } from './TaskActions';

interface WorkListRowProps {
  task: StaffTask;
  operatorName: string;
  busy: boolean;
  onClaim: () => void;
  onComplete: (outcome: string) => void;
}

export const rowIdOf = (taskId: string) => `staff-task-${taskId}`;

/**
 * One task of the work list: a table row at wide widths, a card under ~600 px (work-list.css).
 * Focusable, so focus can come back to it after an action.
 */
export function WorkListRow({ task, operatorName, busy, onClaim, onComplete }: Readonly<WorkListRowProps>) {
  return (
    <tr
      id={rowIdOf(task.id)}
      tabIndex={-1}
      aria-label={task.title}
      className={task.overdueByMinutes ? 'overdue' : ''}
    >
      {task.patient !== undefined && (
        <td data-label="Patient">
          {task.patient ? (
            <>
              {task.patient.name}
              {task.patient.birthDate && <span className="muted"> · born {task.patient.birthDate}</span>}
            </>
          ) : (
            <span className="muted">Not in the EHR</span>
          )}
        </td>
      )}
      <td data-label="Journey">
        <Link to={`/patients/${task.journeyId}`}>{task.journeyType}</Link>
        {task.stage && <span className="muted"> · {task.stage}</span>}
      </td>
      <td data-label="Task">
        {task.priority === 'urgent' && <strong className="badge">urgent</strong>} {task.title}
        {task.reason !== task.title && <div className="muted">{task.reason}</div>}
      </td>
      <td data-label="Due">
        {task.dueAt ? <DateTime value={task.dueAt} /> : <span className="muted">No due time</span>}
        {task.overdueByMinutes !== null && (
          <div className="overdue-by">Overdue by {lateness(task.overdueByMinutes)}</div>
        )}
      </td>
      <td data-label="Claimed by">{task.claimedBy ?? <span className="muted">Unclaimed</span>}</td>
      <td data-label="Action">
        <TaskActions
          task={task}
          operatorName={operatorName}
          busy={busy}
          onClaim={onClaim}
          onComplete={onComplete}
        />
      </td>
    </tr>
  );
}
