import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { staffTaskCompletedSignal } from '../../contracts/journey-contract';
import { JourneySignals } from '../engagement/journey-signals.service';
import { DATA_SOURCE } from '../infrastructure/tokens';
import type { ClaimStaffTaskDto, CompleteStaffTaskDto } from './dto/staff-task-actions.dto';

/**
 * Claiming and completing work in the staff queue. Each change is one conditional update, so
 * two people cannot claim or complete the same task; completing tells the journey the outcome.
 */
@Injectable()
export class StaffTasksService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly signals: JourneySignals,
  ) {}

  async claim(id: string, { assignee }: ClaimStaffTaskDto): Promise<StaffTask> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StaffTask)
      .set({ status: 'claimed', claimedBy: assignee, claimedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere("(status = 'open' OR (status = 'claimed' AND claimed_by = :assignee))", { assignee })
      .execute();
    if (!result.affected) await this.explainRefusal(id, 'claimed');
    return this.find(id);
  }

  async complete(id: string, body: CompleteStaffTaskDto): Promise<{ task: StaffTask; journeyTold: boolean }> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StaffTask)
      .set({ status: 'done', outcome: body.outcome, note: body.note ?? null, completedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere("status IN ('open', 'claimed')")
      .execute();
    if (!result.affected) await this.explainRefusal(id, 'completed');
    const task = await this.find(id);
    const journeyTold = await this.signals.send(task.journeyId, staffTaskCompletedSignal, {
      taskId: task.id,
      step: task.idempotencyKey.slice(task.journeyId.length + 1),
      kind: task.kind,
      outcome: body.outcome,
      ...(body.note ? { note: body.note } : {}),
    });
    return { task, journeyTold };
  }

  private async find(id: string): Promise<StaffTask> {
    const task = await this.dataSource.getRepository(StaffTask).findOneBy({ id });
    if (!task) throw new NotFoundException({ message: `No staff task "${id}".`, errors: [] });
    return task;
  }

  private async explainRefusal(id: string, action: string): Promise<never> {
    const task = await this.find(id);
    const holder = task.status === 'claimed' ? ` by ${task.claimedBy}` : '';
    throw new ConflictException({
      message: `The task cannot be ${action}: it is ${task.status}${holder}.`,
      errors: [],
    });
  }
}
