import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { JourneyTypeView } from './dto/journey-views';
import { JourneysService } from './journeys.service';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journey-types')
export class JourneyTypesController {
  constructor(private readonly journeys: JourneysService) {}

  @Get()
  @Roles('designer', 'operator', 'integration')
  @ApiOperation({ summary: 'The journey types this deployment runs, with their parameter and event schemas.' })
  @ApiOkResponse({ type: [JourneyTypeView] })
  list(): JourneyTypeView[] {
    return this.journeys.types().map((type) => ({
      id: type.id,
      title: type.title,
      description: type.description,
      paramsSchema: z.toJSONSchema(type.paramsSchema, { io: 'input' }) as Record<string, unknown>,
      eventSchema: z.toJSONSchema(type.eventSchema, { io: 'input' }) as Record<string, unknown>,
    }));
  }
}
