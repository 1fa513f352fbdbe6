import type { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { JOURNEY_ID } from './journey-id.pipe';

/**
 * Journey facts only the staff queue knows: which journeys missed a deadline, which have work
 * past its due time. Ids are checked against the journey id pattern before they go anywhere
 * near a visibility query.
 */

/** Every journey that missed a deadline at least once (the breach task stays, whatever its status). */
export async function breachedJourneyIds(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource
    .getRepository(StaffTask)
    .createQueryBuilder('task')
    .select('DISTINCT task.journey_id', 'journeyId')
    .where("task.kind = 'deadline-breach'")
    .getRawMany<{ journeyId: string }>();
  return rows.map((row) => row.journeyId).filter((id) => JOURNEY_ID.test(id));
}

/** The most overdue journeys first: open or claimed staff work whose due time has passed. */
export async function overdueJourneyIds(dataSource: DataSource, limit: number): Promise<string[]> {
  const rows = await dataSource
    .getRepository(StaffTask)
    .createQueryBuilder('task')
    .select('task.journey_id', 'journeyId')
    .where("task.status IN ('open', 'claimed')")
    .andWhere('task.due_at < now()')
    .groupBy('task.journey_id')
    .orderBy('MIN(task.due_at)', 'ASC')
    .limit(limit)
    .getRawMany<{ journeyId: string }>();
  return rows.map((row) => row.journeyId).filter((id) => JOURNEY_ID.test(id));
}

/** A visibility clause matching exactly these journeys (ids already match JOURNEY_ID: no quoting issue). */
export function workflowIdIn(ids: readonly string[], { not = false } = {}): string {
  return `WorkflowId ${not ? 'NOT IN' : 'IN'} (${ids.map((id) => `'${id}'`).join(', ')})`;
}
