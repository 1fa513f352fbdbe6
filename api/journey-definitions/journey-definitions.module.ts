import { Module } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.service';
import { JourneyDefinitionsController } from './journey-definitions.controller';
import { JourneyDefinitionsService } from './journey-definitions.service';
import { DefinitionMigrationsController } from './migrations/definition-migrations.controller';
import { DefinitionMigrationsService } from './migrations/definition-migrations.service';

@Module({
  controllers: [JourneyDefinitionsController, DefinitionMigrationsController],
  // A migration writes one audit row per journey it moves, besides the route's own.
  providers: [JourneyDefinitionsService, DefinitionMigrationsService, AuditTrail],
})
export class JourneyDefinitionsModule {}
