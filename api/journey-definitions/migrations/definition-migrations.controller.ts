import { Body, Controller, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditedAs } from '../../audit/audited.decorator';
import type { AuthenticatedRequest } from '../../auth/api-key.guard';
import { Roles } from '../../auth/roles.decorator';
import { DefinitionIdPipe } from '../definition-id.pipe';
import { DefinitionMigrationsService, sendsMessages } from './definition-migrations.service';
import { ApplyMigrationDto, MigrationDryRunDto, MigrationDryRunQuery } from './dto/migration-requests';
import { MigrationApplyView, MigrationDryRunView } from './dto/migration-views';

const MIGRATIONS_ROUTE = '/api/journey-definitions/:id/migrations';

/**
 * Moving running journeys from one published version of a definition to a newer one: a dry run
 * per journey, then the apply. Rows name journeys by workflow id and stage only.
 */
@ApiTags('journey-definitions')
@ApiBearerAuth()
@Controller('journey-definitions')
export class DefinitionMigrationsController {
  constructor(private readonly migrations: DefinitionMigrationsService) {}

  @Post(':id/migrations/dry-run')
  @HttpCode(HttpStatus.OK)
  // Where running journeys would land, by workflow id and stage: no patient data.
  @Roles('designer', 'operator')
  @ApiOperation({
    summary:
      'Per running journey on fromVersion: where it would land in toVersion, which timers move, which messages would be sent, skipped or repeated, or why it is refused. Nothing changes.',
  })
  @ApiOkResponse({ type: MigrationDryRunView })
  @ApiBadRequestResponse({ description: 'toVersion is not newer, or the mapping is malformed.' })
  @ApiNotFoundResponse({ description: 'No such definition or version.' })
  async dryRun(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: MigrationDryRunDto,
    @Query() query: MigrationDryRunQuery,
  ): Promise<MigrationDryRunView> {
    const result = await this.migrations.dryRun(id, body);
    const journeys = result.journeys.filter(
      (row) =>
        (query.only === undefined ||
          (query.only === 'sends-messages' ? sendsMessages(row) : row.outcome === query.only)) &&
        (query.landsAt === undefined || row.landsAt?.node === query.landsAt),
    );
    return { ...result, journeys };
  }

  @Post(':id/migrations')
  @HttpCode(HttpStatus.OK)
  @Roles('designer')
  @AuditedAs('journey-definition.migrate', { definitionId: 'params.id' })
  @ApiOperation({
    summary:
      'Move the chosen (or all) running journeys on fromVersion to toVersion, in batches; per journey applied, refused or failed. Refused whole, with nothing changed, when the mapping would strand a selected patient.',
  })
  @ApiOkResponse({ type: MigrationApplyView })
  @ApiBadRequestResponse({ description: 'No note, neither or both of all and journeyIds, or a bad mapping.' })
  @ApiNotFoundResponse({ description: 'No such definition or version.' })
  @ApiConflictResponse({
    description:
      'The mapping would leave selected patients at a removed node or stage (each listed); nothing changed.',
  })
  apply(
    @Param('id', DefinitionIdPipe) id: string,
    @Body() body: ApplyMigrationDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<MigrationApplyView> {
    return this.migrations.apply(id, {
      ...body,
      actor: request.actor ?? { role: request.role ?? 'designer', name: request.role ?? 'unknown' },
      route: MIGRATIONS_ROUTE,
    });
  }
}
