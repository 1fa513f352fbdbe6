import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { journeyDefinitionJsonSchema } from '../../contracts/journey-definitions/definition-schema';
import { Roles } from '../auth/roles.decorator';

@ApiTags('journey-definitions')
@ApiBearerAuth()
@Controller('journey-definitions')
export class JourneyDefinitionsController {
  // Computed once: the schema is the code's, not the database's.
  private readonly schema = journeyDefinitionJsonSchema();

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
}
