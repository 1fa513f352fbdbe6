import { Module } from '@nestjs/common';
import { DefinitionScenariosController } from './definition-scenarios.controller';
import { DefinitionScenariosService } from './definition-scenarios.service';
import { JourneyDefinitionsController } from './journey-definitions.controller';
import { JourneyDefinitionsService } from './journey-definitions.service';

@Module({
  controllers: [JourneyDefinitionsController, DefinitionScenariosController],
  providers: [JourneyDefinitionsService, DefinitionScenariosService],
})
export class JourneyDefinitionsModule {}
