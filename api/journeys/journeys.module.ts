import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { JourneyTypesController } from './journey-types.controller';
import { JourneysController } from './journeys.controller';
import { JourneyStatsService } from './journey-stats.service';
import { JourneysService } from './journeys.service';

@Module({
  imports: [ProgramsModule],
  controllers: [JourneysController, JourneyTypesController],
  providers: [JourneysService, JourneyStatsService],
})
export class JourneysModule {}
