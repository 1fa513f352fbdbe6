import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditedAs } from '../audit/audited.decorator';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Roles } from '../auth/roles.decorator';
import { DraftRevisionQuery } from './dto/definition-requests';
import { DraftView } from './dto/definition-views';
import { SaveScenarioDto, ScenarioChangesView } from './dto/scenario-dto';
import { DefinitionScenariosService } from './definition-scenarios.service';
import { DefinitionIdPipe, whoActed } from './definition-id.pipe';

/**
 * A definition's saved scenarios (synthetic patients, never real ones): saved with the draft, and
 * run on the draft and the latest published version, so the publish dialog and scripts can show
 * whose experience a publish would change.
 */
@ApiTags('journey-definitions')
@ApiBearerAuth()
@Controller('journey-definitions')
export class DefinitionScenariosController {
  constructor(private readonly scenarios: DefinitionScenariosService) {}

  @Get(':id/draft/scenario-changes')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary:
      'Run every saved scenario on the draft and on the latest published version: per scenario unchanged, changed (messages, tasks, deadlines and final status that differ) or new.',
  })
  @ApiOkResponse({ type: ScenarioChangesView })
  @ApiNotFoundResponse({ description: 'No such definition, or it has no draft.' })
  changes(@Param('id', DefinitionIdPipe) id: string): Promise<ScenarioChangesView> {
    return this.scenarios.changes(id);
  }

  @Post(':id/draft/scenarios')
  @HttpCode(HttpStatus.OK)
  @Roles('designer')
  @AuditedAs('journey-definition.scenario.save', { definitionId: 'params.id' })
  @ApiOperation({
    summary:
      'Save a scenario with the draft: added, or replacing the one of the same name. The rest of the draft stays as saved.',
  })
  @ApiOkResponse({ type: DraftView })
  @ApiBadRequestResponse({
    description: 'The scenario is not well-formed (each field named); nothing was saved.',
  })
  @ApiNotFoundResponse({ description: 'No such definition, or it has no draft.' })
  @ApiConflictResponse({ description: 'The draft was saved or published since basedOnRevision.' })
  save(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: SaveScenarioDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftView> {
    return this.scenarios.save(id, {
      scenario: body.scenario,
      basedOnRevision: body.basedOnRevision,
      savedBy: whoActed(request),
    });
  }

  @Delete(':id/draft/scenarios/:name')
  @Roles('designer')
  @AuditedAs('journey-definition.scenario.remove', { definitionId: 'params.id' })
  @ApiOperation({ summary: 'Remove a saved scenario from the draft. The rest of the draft stays as saved.' })
  @ApiOkResponse({ type: DraftView })
  @ApiBadRequestResponse({ description: 'No basedOnRevision; nothing was removed.' })
  @ApiNotFoundResponse({ description: 'No such definition, no draft, or no saved scenario of that name.' })
  @ApiConflictResponse({ description: 'The draft was saved or published since basedOnRevision.' })
  remove(
    @Param('id', DefinitionIdPipe) id: string,
    @Param('name') name: string,
    @Query() query: DraftRevisionQuery,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftView> {
    return this.scenarios.remove(id, {
      name,
      basedOnRevision: query.basedOnRevision,
      savedBy: whoActed(request),
    });
  }
}
