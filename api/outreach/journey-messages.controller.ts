import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedAs } from '../audit/audited.decorator';
import { Roles } from '../auth/roles.decorator';
import { JourneyIdPipe } from '../journeys/journey-id.pipe';
import { OutreachMessageView } from './dto/outreach-views';
import { OutreachLog } from './outreach-log.service';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys/:id/messages')
export class JourneyMessagesController {
  constructor(private readonly outreach: OutreachLog) {}

  @Get()
  // Designers read what their templates sent; the designer UI shows it under each journey.
  @Roles('operator', 'auditor')
  @AuditedAs('journey.messages.read', { journeyId: 'params.id' })
  @ApiOperation({
    summary: "The journey's outreach log: every attempt, its channel, wording and delivery events.",
  })
  @ApiOkResponse({ type: [OutreachMessageView] })
  @ApiNotFoundResponse({ description: 'No journey with this id.' })
  list(@Param('id', JourneyIdPipe) id: string): Promise<OutreachMessageView[]> {
    return this.outreach.forJourney(id);
  }
}
