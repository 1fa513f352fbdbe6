import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecController } from './codec.controller';
import { CodecSessions } from './codec-session';

/** The codec server for the Temporal Web UI and CLI. */
@Module({
  controllers: [CodecController],
  providers: [
    {
      provide: CodecSessions,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CodecSessions(config.pseudonymKey),
    },
    CodecAccessGuard,
  ],
})
export class CodecModule {}
