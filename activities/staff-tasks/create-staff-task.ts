import type { DataSource } from 'typeorm';
import { insertOnce } from '../database/insert-once';
import { StaffTask, type StaffTaskPriority } from '../database/staff-task.entity';

export interface StaffTaskRequest {
  /** Derived from the journey and its step, so a retried step finds the task it already created. */
  idempotencyKey: string;
  journeyId: string;
  patientRef: string;
  kind: string;
  priority: StaffTaskPriority;
  title: string;
  details?: Record<string, unknown>;
  dueAt?: string;
}

export interface StaffTaskResult {
  taskId: string;
  alreadyCreated: boolean;
}

/** Puts a task in the staff work queue exactly once per idempotency key. */
export function createStaffTaskActivity(dataSource: DataSource) {
  return async function createStaffTask(request: StaffTaskRequest): Promise<StaffTaskResult> {
    const { id, inserted } = await insertOnce(dataSource, StaffTask, {
      idempotencyKey: request.idempotencyKey,
      journeyId: request.journeyId,
      patientRef: request.patientRef,
      kind: request.kind,
      priority: request.priority,
      title: request.title,
      details: request.details ?? {},
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
      status: 'open',
    });
    return { taskId: id, alreadyCreated: !inserted };
  };
}
