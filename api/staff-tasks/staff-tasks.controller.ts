import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditedAs } from '../audit/audited.decorator';
import { noteAuditedPatients } from '../audit/audited-patients';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Roles } from '../auth/roles.decorator';
import { ClaimStaffTaskDto, CompleteStaffTaskDto } from './dto/staff-task-actions.dto';
import {
  CompletedStaffTaskView,
  ListStaffTasksQuery,
  StaffTaskPage,
  StaffTaskView,
} from './dto/staff-task-views';
import { StaffTaskListService } from './staff-task-list.service';
import { toStaffTaskView } from './staff-task-view';
import { StaffTasksService } from './staff-tasks.service';

/** The staff work queue as journeys fill it: escalations, calls, letters, referrals. */
@ApiTags('staff-tasks')
@ApiBearerAuth()
@Controller('staff-tasks')
export class StaffTasksController {
  constructor(
    private readonly tasks: StaffTasksService,
    private readonly workList: StaffTaskListService,
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
    return toStaffTaskView(await this.tasks.claim(id, body), Date.now());
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
    return { ...toStaffTaskView(task, Date.now()), journeyTold };
  }

  @Get()
  @Roles('operator', 'auditor')
  @AuditedAs('staff-task.list', { journeyId: 'query.journeyId' })
  @ApiOperation({
    summary:
      'The work list: filtered, sorted (default urgent first, then by due time) and paged, with the total. Operators also see each patient from the EHR.',
  })
  @ApiOkResponse({ type: StaffTaskPage })
  async list(
    @Query() query: ListStaffTasksQuery,
    @Req() request: AuthenticatedRequest,
  ): Promise<StaffTaskPage> {
    const actor = request.actor!;
    const { page, patientRefsShown } = await this.workList.list(query, {
      name: actor.name,
      seesPatients: actor.role === 'operator',
    });
    // Names were read from the EHR: the audit trail records whose.
    noteAuditedPatients(request, patientRefsShown);
    return page;
  }
}
