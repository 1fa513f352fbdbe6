import type { DeadlineView } from './journey-contract';

/**
 * The deadlines a journey still owes, due first first: a pending one, and a breached one not yet
 * met; met and void ones are done. The patients list's "next deadline" and the journey's
 * `CarepathNextDeadline` search attribute both read the first, so the column and the sort agree.
 */
export function openDeadlines(deadlines: readonly DeadlineView[]): DeadlineView[] {
  return deadlines
    .filter((deadline) => deadline.status === 'pending' || deadline.status === 'breached')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
