import type { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';

export interface CloseJourneyStaffTasksRequest {
  journeyId: string;
  /** Why they are no longer needed (`screening-recorded`, `excluded`): the task's outcome. */
  outcome: string;
}

/**
 * Cancels a journey's open and claimed staff tasks once the journey no longer needs them (the
 * screening was recorded in the EHR): nobody calls a patient to book what is already done.
 * Idempotent: a retry finds nothing left open.
 */
export function closeJourneyStaffTasksActivity(dataSource: DataSource) {
  return async function closeJourneyStaffTasks({
    journeyId,
    outcome,
  }: CloseJourneyStaffTasksRequest): Promise<{ closed: number }> {
    const result = await dataSource
      .createQueryBuilder()
      .update(StaffTask)
      .set({ status: 'cancelled', outcome, completedAt: () => 'now()' })
      .where('journey_id = :journeyId AND status IN (:...open)', { journeyId, open: ['open', 'claimed'] })
      .execute();
    return { closed: result.affected ?? 0 };
  };
}
