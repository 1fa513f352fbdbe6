import type { DataSource } from 'typeorm';
import { CALL_TASK_KINDS } from '../../contracts/staff-task-kinds';
import { HOUR_MS } from '../../contracts/durations';
import { insertOnce } from '../../persistence/insert-once';
import { StaffTask, type StaffTaskPriority } from '../../persistence/entities/staff-task.entity';
import { callPlanFor } from '../../shared/engagement/call-preferences';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { defaultEngagementPolicy, type EngagementPolicy } from '../../shared/engagement/engagement-policy';

export interface StaffTaskRequest {
  /** Derived from the journey and its step, so a retried step finds the task it already created. */
  idempotencyKey: string;
  journeyId: string;
  patientRef: string;
  /** The EHR patient id, when the journey has one: a call task reads the patient's number and call times fresh. */
  patientId?: string;
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

/**
 * Puts a task in the staff work queue exactly once per idempotency key. A call task carries the
 * number and the times the patient takes calls, in their time zone, and a routine one is due at
 * the end of the patient's next window when no window opens before its deadline (call-preferences.ts).
 * An urgent task is always due: by the journey's deadline, else within the policy's hours.
 */
export function createStaffTaskActivity(
  dataSource: DataSource,
  policy: EngagementPolicy = defaultEngagementPolicy,
  syncContactFromEhr?: (patientId: string) => Promise<unknown>,
) {
  const contacts = new PatientContactStore(dataSource);
  return async function createStaffTask(request: StaffTaskRequest): Promise<StaffTaskResult> {
    let details = request.details ?? {};
    let dueAt = request.dueAt;
    if (CALL_TASK_KINDS.includes(request.kind)) {
      // A call can be the journey's first contact (an urgent call at enrolment), before any message
      // has read the patient's record: read it now. An EHR outage must not hold an escalation back,
      // so the task then carries what is on file.
      if (request.patientId && syncContactFromEhr) {
        await syncContactFromEhr(request.patientId).catch(() => undefined);
      }
      const call = callPlanFor({
        contact: await contacts.find(request.patientRef),
        policy,
        now: new Date(),
        ...(request.dueAt ? { dueAt: new Date(request.dueAt) } : {}),
        urgent: request.priority === 'urgent',
      });
      details = { ...details, call };
      dueAt = call.dueAt ?? dueAt;
    }
    // An urgent task with no due time sorts as "no due time" and is never overdue: it gets one here,
    // whatever step raised it, so none can be left without (HZ-94).
    if (request.priority === 'urgent' && !dueAt) {
      dueAt = new Date(Date.now() + policy.urgentTaskDueWithinHours * HOUR_MS).toISOString();
    }
    const { id, inserted } = await insertOnce(dataSource, StaffTask, {
      idempotencyKey: request.idempotencyKey,
      journeyId: request.journeyId,
      patientRef: request.patientRef,
      patientId: request.patientId ?? null,
      kind: request.kind,
      priority: request.priority,
      title: request.title,
      details,
      dueAt: dueAt ? new Date(dueAt) : null,
      status: 'open',
    });
    return { taskId: id, alreadyCreated: !inserted };
  };
}
