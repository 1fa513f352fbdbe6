import type { Deadline } from '../api';
import { Countdown } from '../Countdown';
import { DateTime } from '../DateTime';

const STATUS_TEXT: Record<Deadline['status'], string> = {
  pending: 'Pending',
  met: 'Met',
  'met-late': 'Met late',
  breached: 'Breached',
  void: 'No longer applies',
};

/** The journey's clinical deadlines: what is due when, and how each one went. */
export function DeadlinesList({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <table className="deadlines">
      <caption className="visually-hidden">Deadlines</caption>
      <thead>
        <tr>
          <th scope="col">Deadline</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((deadline) => (
          <tr key={deadline.id} className={deadline.status === 'breached' ? 'deadline-breached' : undefined}>
            <th scope="row">{deadline.label}</th>
            <td>
              <DateTime value={deadline.dueAt} />
              {deadline.status === 'pending' || deadline.status === 'breached' ? (
                <>
                  {' '}
                  (<Countdown dueAt={deadline.dueAt} />)
                </>
              ) : null}
            </td>
            <td>
              {STATUS_TEXT[deadline.status] ?? deadline.status}
              {deadline.lateByDays ? ` (${deadline.lateByDays} d late)` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
