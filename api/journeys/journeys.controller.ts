import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditedAs } from '../audit/audited.decorator';
import { auditRowWritten } from '../audit/audit-row-opening';
import { noteAuditedPatients } from '../audit/audited-patients';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorView } from '../errors/api-error.view';
import { ControlJourneyDto } from './dto/control-journey.dto';
import {
  EventPreviewView,
  JourneyDetailView,
  JourneyPage,
  StartJourneyAccepted,
  StartJourneyResult,
} from './dto/journey-views';
import { ListJourneysQuery } from './dto/list-journeys.query';
import { StartJourneyDto } from './dto/start-journey.dto';
import { JourneyIdPipe } from './journey-id.pipe';
import { JourneysService } from './journeys.service';
import { prefersRespondAsync } from './prefer-header';
import { letAuditOutcomeFollowAnswer } from '../audit/outcome-after-answer';

/** Routes that wait on the journey's worker (a progress query or an update) say when none answered. */
const NeedsWorker = () =>
  ApiServiceUnavailableResponse({
    type: ApiErrorView,
    description: 'No worker answered in time (a change may still be applied when one does).',
  });

/** A journey event as sent and as previewed: its `type`, then the fields its journey defines. */
const JOURNEY_EVENT_BODY = {
  type: 'object' as const,
  required: ['type'],
  properties: { type: { type: 'string' as const } },
  additionalProperties: true,
};

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Post()
  @Roles('operator', 'integration')
  // The row is written while the request is checked and the program read; nothing starts before it exists.
  @AuditedAs('journey.start', {
    journeyId: 'result.id',
    patientId: 'body.patientId',
    openedWhileReceiving: true,
  })
  @ApiOperation({
    summary:
      'Enrol a patient in a journey; returns the running one if already enrolled. Answers with the first state, or, with `Prefer: respond-async`, as soon as the start is accepted.',
  })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description:
      '`respond-async`: answer once Temporal has accepted the start, with the id only (bulk enrolment); the journey is then read at `Location`.',
  })
  @ApiExtraModels(StartJourneyResult, StartJourneyAccepted)
  @ApiCreatedResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(StartJourneyResult) }, { $ref: getSchemaPath(StartJourneyAccepted) }],
    },
    description: 'A new journey was started; `Location` is its address.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(StartJourneyResult) }, { $ref: getSchemaPath(StartJourneyAccepted) }],
    },
    description: 'The patient was already enrolled; nothing new started.',
  })
  @ApiBadRequestResponse({ description: 'Unknown journey type or invalid parameters.' })
  @ApiConflictResponse({
    type: ApiErrorView,
    description:
      "The definition's current program settings were published for other declarations; nobody was enrolled.",
  })
  @NeedsWorker()
  async start(
    @Body() body: StartJourneyDto,
    @Headers('prefer') prefer: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StartJourneyResult | StartJourneyAccepted> {
    const respondAsync = prefersRespondAsync(prefer);
    // The bulk path answers at once: the audit row exists before the start, its status follows.
    if (respondAsync) letAuditOutcomeFollowAnswer(request);
    const recorded = () => auditRowWritten(request);
    const result = respondAsync
      ? await this.journeys.startAccepted(body, recorded)
      : await this.journeys.start(body, recorded);
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    response.location(`/api/journeys/${encodeURIComponent(result.id)}`);
    if (respondAsync) response.setHeader('Preference-Applied', 'respond-async');
    return result;
  }

  @Get()
  @Roles('operator', 'auditor')
  @AuditedAs('journey.list', { patientId: 'query.patientId' })
  @ApiOperation({
    summary:
      'List journeys, newest first (or by next deadline), filtered by type, status, stage, patient or card/encounter; operators also see each patient from the EHR.',
  })
  @ApiOkResponse({ type: JourneyPage })
  @ApiBadRequestResponse({ description: 'A card or encounter id without a patient id, or a bad filter.' })
  async list(@Query() query: ListJourneysQuery, @Req() request: AuthenticatedRequest): Promise<JourneyPage> {
    const { page, patientRefsShown } = await this.journeys.list(query, {
      seesPatients: request.actor!.role === 'operator',
    });
    // Names were read from the EHR: the audit trail records whose.
    noteAuditedPatients(request, patientRefsShown);
    return page;
  }

  @Get(':id')
  @Roles('operator', 'auditor')
  @AuditedAs('journey.read', { journeyId: 'params.id' })
  @ApiOperation({ summary: "A journey's status, current stage, timeline and upcoming timers." })
  @ApiOkResponse({ type: JourneyDetailView })
  @ApiNotFoundResponse()
  @NeedsWorker()
  get(@Param('id', JourneyIdPipe) id: string): Promise<JourneyDetailView> {
    return this.journeys.get(id);
  }

  @Post(':id/events')
  @HttpCode(HttpStatus.OK)
  @Roles('operator', 'integration')
  @AuditedAs('journey.event', { journeyId: 'params.id' })
  @ApiOperation({ summary: 'Deliver an event to a running journey; invalid events change nothing.' })
  @ApiBody({
    schema: JOURNEY_EVENT_BODY,
    description: "One of the journey type's events (see eventSchema in GET /api/journey-types).",
  })
  @ApiOkResponse({ type: JourneyDetailView })
  @ApiBadRequestResponse({ description: 'The event is unknown to this journey or malformed.' })
  @ApiNotFoundResponse()
  @NeedsWorker()
  @ApiConflictResponse({ description: 'The journey has already ended.' })
  sendEvent(
    @Param('id', JourneyIdPipe) id: string,
    @Body() event: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<JourneyDetailView> {
    // An integration's event came from the EHR; an operator's is named as theirs on the timeline.
    const actor = request.actor!;
    return this.journeys.sendEvent(id, event, actor.role === 'operator' ? actor.name : 'EHR event');
  }

  @Post(':id/events/preview')
  @HttpCode(HttpStatus.OK)
  @Roles('operator')
  // A read: the journey answers from its state, and nothing about it changes.
  @AuditedAs('journey.event.preview', { journeyId: 'params.id' })
  @ApiOperation({
    summary:
      'What the journey would do with an event now: apply it, hold it until an earlier step, or refuse it and why. Nothing is sent.',
  })
  @ApiBody({
    schema: JOURNEY_EVENT_BODY,
    description: "One of the journey type's events, as it would be sent to POST /api/journeys/{id}/events.",
  })
  @ApiOkResponse({ type: EventPreviewView })
  @ApiBadRequestResponse({ description: 'The event is unknown to this journey or malformed.' })
  @ApiNotFoundResponse()
  @NeedsWorker()
  previewEvent(@Param('id', JourneyIdPipe) id: string, @Body() event: unknown): Promise<EventPreviewView> {
    return this.journeys.previewEvent(id, event);
  }

  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @Roles('operator')
  @AuditedAs('journey.pause', { journeyId: 'params.id' })
  @ApiOperation({
    summary:
      'Pause a journey: nothing is sent to the patient and cadences stop; deadlines and escalations go on.',
  })
  @ApiOkResponse({ type: JourneyDetailView })
  @ApiBadRequestResponse({ description: 'No reason given, or the journey is not active.' })
  @ApiNotFoundResponse()
  @NeedsWorker()
  @ApiConflictResponse({ description: 'The journey has already ended.' })
  pause(
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: ControlJourneyDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<JourneyDetailView> {
    return this.journeys.control(id, 'pause', { reason: body.reason, operator: request.actor!.name });
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @Roles('operator')
  @AuditedAs('journey.resume', { journeyId: 'params.id' })
  @ApiOperation({ summary: 'Resume a paused journey where it left off.' })
  @ApiOkResponse({ type: JourneyDetailView })
  @ApiBadRequestResponse({ description: 'No reason given, or the journey is not paused.' })
  @ApiNotFoundResponse()
  @NeedsWorker()
  @ApiConflictResponse({ description: 'The journey has already ended.' })
  resume(
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: ControlJourneyDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<JourneyDetailView> {
    return this.journeys.control(id, 'resume', { reason: body.reason, operator: request.actor!.name });
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @Roles('operator')
  @AuditedAs('journey.cancel', { journeyId: 'params.id' })
  @ApiOperation({ summary: 'Cancel a running journey with a reason.' })
  @ApiOkResponse({ type: JourneyDetailView })
  @ApiNotFoundResponse()
  @NeedsWorker()
  @ApiConflictResponse({ description: 'The journey has already ended.' })
  cancel(
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: ControlJourneyDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<JourneyDetailView> {
    return this.journeys.control(id, 'cancel', { reason: body.reason, operator: request.actor!.name });
  }
}
