import { Module } from '@nestjs/common';
import { JourneyDefinitionsController } from './journey-definitions.controller';

@Module({ controllers: [JourneyDefinitionsController] })
export class JourneyDefinitionsModule {}
