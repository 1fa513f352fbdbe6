import { Module } from '@nestjs/common';
import { FhirModule } from '../fhir/fhir.module';
import { JourneyCatalogue } from './journey-catalogue.service';
import { JourneyTypesController } from './journey-types.controller';
import { JourneysController } from './journeys.controller';
import { JourneyStatsService } from './journey-stats.service';
import { JourneysService } from './journeys.service';

@Module({
  imports: [FhirModule],
  controllers: [JourneysController, JourneyTypesController],
  providers: [JourneysService, JourneyStatsService, JourneyCatalogue],
})
export class JourneysModule {}
