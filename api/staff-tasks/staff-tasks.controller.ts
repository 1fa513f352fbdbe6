import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { StaffTask } from '../../activities/database/staff-task.entity';
import { Roles } from '../auth/roles.decorator';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ListStaffTasksQuery, StaffTaskView } from './dto/staff-task-views';

/** The staff work queue as journeys fill it: escalations, calls, referrals. Read-only for now. */
@ApiTags('staff-tasks')
@ApiBearerAuth()
@Controller('staff-tasks')
export class StaffTasksController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @Roles('operator')
  @ApiOperation({ summary: 'Tasks by status (default open), urgent first, then by due time.' })
  @ApiOkResponse({ type: [StaffTaskView] })
  async list(@Query() query: ListStaffTasksQuery): Promise<StaffTaskView[]> {
    const selection = this.dataSource
      .getRepository(StaffTask)
      .createQueryBuilder('task')
      .where('task.status = :status', { status: query.status ?? 'open' });
    if (query.journeyId) selection.andWhere('task.journey_id = :journeyId', { journeyId: query.journeyId });
    const tasks = await selection
      .orderBy(`CASE task.priority WHEN 'urgent' THEN 0 ELSE 1 END`)
      .addOrderBy('task.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('task.created_at', 'ASC')
      .limit(query.limit ?? 50)
      .getMany();
    return tasks.map((task) => ({
      id: task.id,
      journeyId: task.journeyId,
      kind: task.kind,
      priority: task.priority,
      title: task.title,
      details: task.details,
      dueAt: task.dueAt?.toISOString() ?? null,
      status: task.status,
      createdAt: task.createdAt.toISOString(),
    }));
  }
}
