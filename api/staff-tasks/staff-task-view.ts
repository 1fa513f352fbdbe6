import type { StaffTask } from '../../persistence/entities/staff-task.entity';
import type { StaffTaskView } from './dto/staff-task-views';

const MINUTE_MS = 60_000;

/** A task as the API shows it; the stage and the patient are added by the list (they need I/O). */
export function toStaffTaskView(
  task: StaffTask,
  nowMs: number,
): Omit<StaffTaskView, 'stage' | 'patient'> & {
  stage: null;
} {
  const stillToDo = task.status === 'open' || task.status === 'claimed';
  const lateMs = task.dueAt ? nowMs - task.dueAt.getTime() : 0;
  return {
    id: task.id,
    journeyId: task.journeyId,
    journeyType: task.journeyId.replace(/-[0-9a-f]{32}$/, ''),
    stage: null,
    step: task.idempotencyKey.slice(task.journeyId.length + 1),
    kind: task.kind,
    priority: task.priority,
    title: task.title,
    reason: reasonOf(task),
    details: task.details,
    dueAt: task.dueAt?.toISOString() ?? null,
    overdueByMinutes: stillToDo && lateMs > 0 ? Math.floor(lateMs / MINUTE_MS) : null,
    status: task.status,
    claimedBy: task.claimedBy,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    outcome: task.outcome,
    note: task.note,
    createdAt: task.createdAt.toISOString(),
  };
}

/**
 * What sets this task apart from others with the same title: the reason the journey gave, or the
 * channels' reasons for "no channel could reach them", or the deadline it is about.
 */
function reasonOf(task: StaffTask): string {
  const { reason, reasons, deadline } = task.details as {
    reason?: unknown;
    reasons?: unknown;
    deadline?: unknown;
  };
  if (typeof reason === 'string' && reason) return reason;
  if (reasons && typeof reasons === 'object') {
    const parts = Object.entries(reasons as Record<string, unknown>)
      .filter(([, why]) => typeof why === 'string')
      .map(([channel, why]) => `${channel}: ${String(why)}`);
    if (parts.length) return parts.join('; ');
  }
  if (typeof deadline === 'string' && deadline) return `Deadline: ${deadline}`;
  return task.title;
}
