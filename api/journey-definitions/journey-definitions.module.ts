import { Module } from '@nestjs/common';
import { JourneyDefinitionsController } from './journey-definitions.controller';
import { JourneyDefinitionsService } from './journey-definitions.service';

@Module({ controllers: [JourneyDefinitionsController], providers: [JourneyDefinitionsService] })
export class JourneyDefinitionsModule {}
