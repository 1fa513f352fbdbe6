import type { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';

export interface CloseJourneyStaffTasksRequest {
  journeyId: string;
  /** Why they are no longer needed (`screening-done`, `excluded`, `booked`): the task's outcome. */
  outcome: string;
  /** The reason in words, shown on the task (e.g. "The patient booked an appointment"). */
  note?: string;
  /** Only tasks of these kinds (e.g. the calls); every open task of the journey when absent. */
  kinds?: string[];
  /** Only tasks whose step key (after the journey id) contains this, e.g. `:step-` for an escalation plan's. */
  stepsContaining?: string;
}

/**
 * Cancels a journey's open and claimed staff tasks once the journey no longer needs them (the
 * screening was recorded in the EHR, the patient booked): nobody calls a patient to book what is
 * already done. Idempotent: a retry finds nothing left open.
 */
export function closeJourneyStaffTasksActivity(dataSource: DataSource) {
  return async function closeJourneyStaffTasks({
    journeyId,
    outcome,
    note,
    kinds,
    stepsContaining,
  }: CloseJourneyStaffTasksRequest): Promise<{ closed: number }> {
    const update = dataSource
      .createQueryBuilder()
      .update(StaffTask)
      .set({ status: 'cancelled', outcome, ...(note ? { note } : {}), completedAt: () => 'now()' })
      .where('journey_id = :journeyId AND status IN (:...open)', { journeyId, open: ['open', 'claimed'] });
    if (kinds) {
      if (kinds.length === 0) return { closed: 0 };
      update.andWhere('kind IN (:...kinds)', { kinds });
    }
    if (stepsContaining) {
      update.andWhere('position(:fragment in substr(idempotency_key, length(journey_id) + 2)) > 0', {
        fragment: stepsContaining,
      });
    }
    const result = await update.execute();
    return { closed: result.affected ?? 0 };
  };
}
