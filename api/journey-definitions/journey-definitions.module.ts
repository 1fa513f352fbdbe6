import { Module } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.service';
import { DefinitionScenariosController } from './definition-scenarios.controller';
import { DefinitionScenariosService } from './definition-scenarios.service';
import { DefinitionSettingsFitController } from './definition-settings-fit.controller';
import { DefinitionSettingsFitService } from './definition-settings-fit.service';
import { JourneyDefinitionsController } from './journey-definitions.controller';
import { JourneyDefinitionsService } from './journey-definitions.service';
import { DefinitionMigrationsController } from './migrations/definition-migrations.controller';
import { DefinitionMigrationsService } from './migrations/definition-migrations.service';

@Module({
  controllers: [
    JourneyDefinitionsController,
    DefinitionScenariosController,
    DefinitionSettingsFitController,
    DefinitionMigrationsController,
  ],
  // A migration writes one audit row per journey it moves, besides the route's own.
  providers: [
    JourneyDefinitionsService,
    DefinitionScenariosService,
    DefinitionSettingsFitService,
    DefinitionMigrationsService,
    AuditTrail,
  ],
})
export class JourneyDefinitionsModule {}
