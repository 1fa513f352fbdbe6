import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecController } from './codec.controller';
import { CodecSessions } from './codec-session';

/** The codec server for the Temporal Web UI and CLI. */
@Module({
  controllers: [CodecController],
  providers: [
    {
      provide: CodecSessions,
      inject: [APP_CONFIG, DATA_SOURCE],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        new CodecSessions(config.pseudonymKey, dataSource, config.apiKeys),
    },
    CodecAccessGuard,
  ],
})
export class CodecModule {}
