import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { JourneyTypeStatsView } from './dto/journey-stats-views';
import { JourneyTypeView } from './dto/journey-views';
import { JourneyCatalogue } from './journey-catalogue.service';
import { JourneyStatsService } from './journey-stats.service';
import { JourneysService } from './journeys.service';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journey-types')
export class JourneyTypesController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly catalogue: JourneyCatalogue,
    // The store, not the settings service: it keeps settings by journey type id for definitions too.
    private readonly settings: ProgramSettingsStore,
    private readonly stats: JourneyStatsService,
  ) {}

  @Get()
  // Not patient data: the catalogue of journey types, which every role needs to read the rest.
  @Roles('designer', 'operator', 'integration', 'auditor')
  @ApiOperation({
    summary:
      'The journey types this deployment runs, coded and published definitions alike: schemas of parameters, events and settings, and the blueprint.',
  })
  @ApiOkResponse({ type: [JourneyTypeView] })
  async list(): Promise<JourneyTypeView[]> {
    return Promise.all(
      (await this.catalogue.list()).map(async (type) => ({
        id: type.id,
        kind: type.kind,
        ...(type.definition
          ? { definitionId: type.definition.id, definitionVersion: type.definition.version }
          : {}),
        title: type.title,
        description: type.description,
        paramsSchema: jsonSchema(type.paramsSchema),
        eventSchema: jsonSchema(type.eventSchema),
        settingsSchema: jsonSchema(type.settingsSchema),
        settingsVersion: (await this.settings.current(type)).version,
        blueprint: type.blueprint,
        sources: [...type.sources],
        temporalUiView: this.journeys.temporalUiViewOf(type.id),
      })),
    );
  }

  @Get(':journeyType/stats')
  // Counts only, no patient in them: what the catalogue and the map overlay show.
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary:
      'How many journeys of a type are running, ended, dropped off and breached, in total and per stage.',
  })
  @ApiOkResponse({ type: JourneyTypeStatsView })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  async typeStats(@Param('journeyType') journeyType: string): Promise<JourneyTypeStatsView> {
    const type = await this.catalogue.find(journeyType);
    if (!type) {
      throw new NotFoundException({ message: `No journey type "${journeyType.slice(0, 64)}".`, errors: [] });
    }
    return this.stats.stats(type);
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // Refinements (e.g. "in the future") cannot be expressed in JSON Schema; the API still enforces them.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
