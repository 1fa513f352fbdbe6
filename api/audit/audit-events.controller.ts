import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AuditEvents } from './audit-events.service';
import { AuditedAs } from './audited.decorator';
import { AuditEventPage } from './dto/audit-event-views';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEvents) {}

  @Get()
  @Roles('auditor')
  // The trail names patients and journeys: reading it is itself a read of patient-level data.
  @AuditedAs('audit.read', { journeyId: 'query.journeyId', patientId: 'query.patientId' })
  @ApiOperation({
    summary:
      'The audit trail of patient-level reads and changes, newest first: who, what, when, which journey.',
  })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiBadRequestResponse({ description: 'A filter is malformed, or since is after until.' })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPage> {
    return this.events.list(query);
  }
}
