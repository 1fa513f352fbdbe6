import { Module } from '@nestjs/common';
import { ProgramSettingsController } from './program-settings.controller';
import { ProgramSettingsService } from './program-settings.service';
import { JourneyCatalogue } from '../journeys/journey-catalogue.service';

@Module({
  controllers: [ProgramSettingsController],
  providers: [ProgramSettingsService, JourneyCatalogue],
  exports: [ProgramSettingsService],
})
export class ProgramsModule {}
