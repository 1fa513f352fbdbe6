import type { DataSource } from 'typeorm';
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
    const inserted = await dataSource
      .createQueryBuilder()
      .insert()
      .into(StaffTask)
      .values({
        idempotencyKey: request.idempotencyKey,
        journeyId: request.journeyId,
        patientRef: request.patientRef,
        kind: request.kind,
        priority: request.priority,
        title: request.title,
        // TypeORM's insert typing cannot express jsonb objects; the column is jsonb.
        details: (request.details ?? {}) as object,
        dueAt: request.dueAt ? new Date(request.dueAt) : null,
        status: 'open',
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const newId = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (newId) return { taskId: newId, alreadyCreated: false };
    const existing = await dataSource
      .getRepository(StaffTask)
      .findOneByOrFail({ idempotencyKey: request.idempotencyKey });
    return { taskId: existing.id, alreadyCreated: true };
  };
}
