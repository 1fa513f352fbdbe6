import { Module } from '@nestjs/common';
import { JourneyTypesController } from './journey-types.controller';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

@Module({
  controllers: [JourneysController, JourneyTypesController],
  providers: [JourneysService],
})
export class JourneysModule {}
