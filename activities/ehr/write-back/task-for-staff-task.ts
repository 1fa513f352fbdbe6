import type { Task } from '@medplum/fhirtypes';
import type { StaffTask, StaffTaskStatus } from '../../../persistence/entities/staff-task.entity';
import {
  journeyExtension,
  journeyIdentifier,
  STAFF_TASK_SYSTEM,
} from '../../../shared/ehr/carepath-identifiers';

const STAFF_TASK_KIND = 'https://carepath.dev/fhir/CodeSystem/staff-task-kind';

const statusByStaffTask: Record<StaffTaskStatus, Task['status']> = {
  open: 'requested',
  claimed: 'in-progress',
  done: 'completed',
  cancelled: 'cancelled',
};

/** The EHR's view of work Carepath gave a person: an escalation, a call, a referral, with its deadline. */
export function taskForStaffTask(task: StaffTask, patientId: string): Task {
  const lastChange = task.completedAt ?? task.claimedAt ?? task.createdAt;
  return {
    resourceType: 'Task',
    extension: [journeyExtension(task.journeyId)],
    identifier: [{ system: STAFF_TASK_SYSTEM, value: task.id }],
    // Tasks of one journey share it: the EHR can list a journey's work with `group-identifier`.
    groupIdentifier: journeyIdentifier(task.journeyId),
    status: statusByStaffTask[task.status],
    ...(task.outcome ? { businessStatus: { text: task.outcome } } : {}),
    intent: 'order',
    priority: task.priority === 'urgent' ? 'urgent' : 'routine',
    code: { coding: [{ system: STAFF_TASK_KIND, code: task.kind }], text: task.kind },
    description: task.title,
    for: { reference: `Patient/${patientId}` },
    authoredOn: task.createdAt.toISOString(),
    lastModified: lastChange.toISOString(),
    ...(task.claimedAt
      ? {
          executionPeriod: {
            start: task.claimedAt.toISOString(),
            ...(task.completedAt ? { end: task.completedAt.toISOString() } : {}),
          },
        }
      : {}),
    ...(task.dueAt ? { restriction: { period: { end: task.dueAt.toISOString() } } } : {}),
  };
}
