import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { journeyDefinitionJsonSchema } from '../../contracts/journey-definitions/definition-schema';
import { AuditedAs } from '../audit/audited.decorator';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Roles } from '../auth/roles.decorator';
import { Int32Pipe } from '../requests/int32';
import {
  CreateJourneyDefinitionDto,
  DefinitionDiffQuery,
  DraftRevisionQuery,
  DraftDefinitionDto,
  PublishDefinitionDto,
  SaveDraftDto,
} from './dto/definition-requests';
import {
  DefinitionCheckView,
  DefinitionDiffView,
  DefinitionVersionSummaryView,
  DefinitionVersionView,
  DraftView,
  JourneyDefinitionView,
} from './dto/definition-views';
import { DefinitionIdPipe, whoActed } from './definition-id.pipe';
import { JourneyDefinitionsService } from './journey-definitions.service';

/**
 * Journey definitions as designers author them: a draft per definition, published versions that
 * never change. Designers write; operators and auditors read. Every write is audited with the
 * definition's id (definitions hold no patient data).
 */
@ApiTags('journey-definitions')
@ApiBearerAuth()
@Controller('journey-definitions')
export class JourneyDefinitionsController {
  // Computed once: the schema is the code's, not the database's.
  private readonly schema = journeyDefinitionJsonSchema();

  constructor(private readonly definitions: JourneyDefinitionsService) {}

  @Get('schema')
  // The format, not patient data: staff who author, run or audit programs read it.
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary:
      'The JSON Schema of a journey definition: stages, messages, waits, timers, decisions, staff tasks, escalations and ends.',
  })
  @ApiOkResponse({
    description: 'A JSON Schema (draft 2020-12).',
    schema: { type: 'object', additionalProperties: true },
  })
  jsonSchema(): Record<string, unknown> {
    return this.schema;
  }

  @Get()
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'Every definition, by id, with its latest published version and its draft.' })
  @ApiOkResponse({ type: [JourneyDefinitionView] })
  list(): Promise<JourneyDefinitionView[]> {
    return this.definitions.list();
  }

  @Post()
  @Roles('designer')
  @AuditedAs('journey-definition.create', {
    definitionId: ({ result, body }) =>
      (result as { id?: unknown } | undefined)?.id ?? (body as { id?: unknown } | undefined)?.id,
  })
  @ApiOperation({
    summary:
      'Create a definition with a draft: from scratch (a stage and an end to build on), or as a copy of a published version (copyOf).',
  })
  @ApiCreatedResponse({ type: JourneyDefinitionView })
  @ApiBadRequestResponse({ description: 'No title, a bad id, or copyOf names no published version.' })
  @ApiConflictResponse({ description: 'A definition with this id exists.' })
  create(
    @Body() body: CreateJourneyDefinitionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<JourneyDefinitionView> {
    return this.definitions.create({
      ...(body.id === undefined ? {} : { id: body.id }),
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.copyOf ? { copyOf: { id: body.copyOf.id, version: body.copyOf.version } } : {}),
      createdBy: whoActed(request),
    });
  }

  @Get(':id')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'One definition, with its latest published version and its draft.' })
  @ApiOkResponse({ type: JourneyDefinitionView })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  get(@Param('id', DefinitionIdPipe) id: string): Promise<JourneyDefinitionView> {
    return this.definitions.get(id);
  }

  @Get(':id/draft')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'The draft, with its revision and the problems the validator finds in it.' })
  @ApiOkResponse({ type: DraftView })
  @ApiNotFoundResponse({ description: 'No such definition, or it has no draft.' })
  draft(@Param('id', DefinitionIdPipe) id: string): Promise<DraftView> {
    return this.definitions.draft(id);
  }

  @Put(':id/draft')
  @Roles('designer')
  @AuditedAs('journey-definition.draft.save', { definitionId: 'params.id' })
  @ApiOperation({
    summary:
      'Save the draft (starting one after a publish). It must be well-formed; it may be unfinished: the answer lists its problems.',
  })
  @ApiOkResponse({ type: DraftView })
  @ApiBadRequestResponse({
    description: 'The draft is not well-formed (each field named); nothing was saved.',
  })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  @ApiConflictResponse({ description: 'The draft was saved or published since basedOnRevision.' })
  saveDraft(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: SaveDraftDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftView> {
    return this.definitions.saveDraft(id, {
      definition: body.definition,
      basedOnRevision: body.basedOnRevision,
      savedBy: whoActed(request),
    });
  }

  @Delete(':id/draft')
  @Roles('designer')
  @AuditedAs('journey-definition.draft.discard', { definitionId: 'params.id' })
  @ApiOperation({
    summary:
      'Discard the draft: the definition is again its latest published version. Refused for a definition never published.',
  })
  @ApiOkResponse({ type: JourneyDefinitionView })
  @ApiBadRequestResponse({ description: 'No basedOnRevision; nothing was discarded.' })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  @ApiConflictResponse({
    description:
      'There is no draft, the definition was never published, or the draft changed since basedOnRevision.',
  })
  discardDraft(
    @Param('id', DefinitionIdPipe) id: string,
    @Query() query: DraftRevisionQuery,
  ): Promise<JourneyDefinitionView> {
    return this.definitions.discardDraft(id, query.basedOnRevision);
  }

  @Post(':id/draft/validate')
  @HttpCode(HttpStatus.OK)
  @Roles('designer')
  @ApiOperation({ summary: 'The problems of a draft as it is being edited; nothing is stored.' })
  @ApiOkResponse({ type: DefinitionCheckView })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  validate(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: DraftDefinitionDto,
  ): Promise<DefinitionCheckView> {
    return this.definitions.check(id, body.definition);
  }

  @Post(':id/publish')
  @Roles('designer')
  @AuditedAs('journey-definition.publish', { definitionId: 'params.id' })
  @ApiOperation({
    summary:
      'Publish the draft as the next version, with a note. Refused while it has problems or is the same as the latest version.',
  })
  @ApiCreatedResponse({ type: DefinitionVersionView })
  @ApiBadRequestResponse({
    description: 'No note, the draft has problems (each listed), or nothing changed; nothing was published.',
  })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  @ApiConflictResponse({ description: 'There is no draft, or it changed since basedOnRevision.' })
  publish(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: PublishDefinitionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DefinitionVersionView> {
    return this.definitions.publish(id, {
      note: body.note.trim(),
      basedOnRevision: body.basedOnRevision,
      publishedBy: whoActed(request),
    });
  }

  @Get(':id/versions')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'Every published version, newest first, with its note.' })
  @ApiOkResponse({ type: [DefinitionVersionSummaryView] })
  @ApiNotFoundResponse({ description: 'No such definition.' })
  versions(@Param('id', DefinitionIdPipe) id: string): Promise<DefinitionVersionSummaryView[]> {
    return this.definitions.versions(id);
  }

  @Get(':id/versions/:version')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'One published version, as journeys pinned to it run.' })
  @ApiOkResponse({ type: DefinitionVersionView })
  @ApiNotFoundResponse({ description: 'No such definition, or no such version.' })
  version(
    @Param('id', DefinitionIdPipe) id: string,
    @Param('version', new Int32Pipe('version', 1)) version: number,
  ): Promise<DefinitionVersionView> {
    return this.definitions.version(id, version);
  }

  @Get(':id/diff')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary:
      'What changed between two versions (or a version and the draft): nodes, stages, events and settings added, removed or changed.',
  })
  @ApiOkResponse({ type: DefinitionDiffView })
  @ApiNotFoundResponse({ description: 'No such definition, version or draft.' })
  diff(
    @Param('id', DefinitionIdPipe) id: string,
    @Query() query: DefinitionDiffQuery,
  ): Promise<DefinitionDiffView> {
    return this.definitions.diff(id, query.from, query.to);
  }
}
