import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { AuditedAs } from '../audit/audited.decorator';
import { Roles } from '../auth/roles.decorator';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ClaimStaffTaskDto, CompleteStaffTaskDto } from './dto/staff-task-actions.dto';
import { CompletedStaffTaskView, ListStaffTasksQuery, StaffTaskView } from './dto/staff-task-views';
import { StaffTasksService } from './staff-tasks.service';

/** The staff work queue as journeys fill it: escalations, calls, letters, referrals. */
@ApiTags('staff-tasks')
@ApiBearerAuth()
@Controller('staff-tasks')
export class StaffTasksController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tasks: StaffTasksService,
  ) {}

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('operator')
  @AuditedAs('staff-task.claim', { journeyId: 'result.journeyId' })
  @ApiOperation({ summary: 'Take an open task (claiming your own task again is allowed).' })
  @ApiOkResponse({ type: StaffTaskView })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Someone else holds it, or it is done.' })
  async claim(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClaimStaffTaskDto,
  ): Promise<StaffTaskView> {
    return toView(await this.tasks.claim(id, body));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('operator')
  @AuditedAs('staff-task.complete', { journeyId: 'result.journeyId' })
  @ApiOperation({ summary: 'Finish a task with its outcome; the journey that asked for it is told.' })
  @ApiOkResponse({ type: CompletedStaffTaskView })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The task is already done or cancelled.' })
  async complete(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteStaffTaskDto,
  ): Promise<CompletedStaffTaskView> {
    const { task, journeyTold } = await this.tasks.complete(id, body);
    return { ...toView(task), journeyTold };
  }

  @Get()
  @Roles('operator', 'auditor')
  @AuditedAs('staff-task.list', { journeyId: 'query.journeyId' })
  @ApiOperation({ summary: 'Tasks by status (default open), urgent first, then by due time.' })
  @ApiOkResponse({ type: [StaffTaskView] })
  async list(@Query() query: ListStaffTasksQuery): Promise<StaffTaskView[]> {
    const selection = this.dataSource
      .getRepository(StaffTask)
      .createQueryBuilder('task')
      .where('task.status IN (:...statuses)', { statuses: query.status ?? ['open'] });
    if (query.journeyId) selection.andWhere('task.journey_id = :journeyId', { journeyId: query.journeyId });
    const tasks = await selection
      .orderBy(`CASE task.priority WHEN 'urgent' THEN 0 ELSE 1 END`)
      .addOrderBy('task.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('task.created_at', 'ASC')
      .limit(query.limit ?? 50)
      .getMany();
    return tasks.map(toView);
  }
}

function toView(task: StaffTask): StaffTaskView {
  return {
    id: task.id,
    journeyId: task.journeyId,
    kind: task.kind,
    priority: task.priority,
    title: task.title,
    details: task.details,
    dueAt: task.dueAt?.toISOString() ?? null,
    status: task.status,
    claimedBy: task.claimedBy,
    outcome: task.outcome,
    note: task.note,
    createdAt: task.createdAt.toISOString(),
  };
}
