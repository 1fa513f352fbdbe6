import { Module } from '@nestjs/common';
import { ProgramSettingsController } from './program-settings.controller';
import { ProgramSettingsService } from './program-settings.service';

@Module({
  controllers: [ProgramSettingsController],
  providers: [ProgramSettingsService],
  exports: [ProgramSettingsService],
})
export class ProgramsModule {}
