import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { AuditModule } from './audit/audit.module';
import { ApiKeyGuard } from './auth/api-key.guard';
import { SessionController } from './auth/session.controller';
import { CodecModule } from './codec/codec.module';
import { EngagementModule } from './engagement/engagement.module';
import type { FhirClient } from '../shared/ehr/fhir-client';
import { FhirModule } from './fhir/fhir.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { InFlightHandlers } from './infrastructure/in-flight-handlers';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { JourneyDefinitionsModule } from './journey-definitions/journey-definitions.module';
import { JourneysModule } from './journeys/journeys.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProgramsModule } from './programs/programs.module';
import { RequestSpanInterceptor } from './tracing/request-span.interceptor';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, fhir?: FhirClient): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, fhir),
        // Per client address, in this process's memory: a flood is refused before authentication.
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.api.rateLimitPerMinute }]),
        JourneysModule,
        JourneyDefinitionsModule,
        ProgramsModule,
        EngagementModule,
        FhirModule,
        // Patient-level reads and changes are recorded; the API key guard reports its refusals to it.
        AuditModule,
        CodecModule,
        MetricsModule,
      ],
      controllers: [HealthController, SessionController],
      providers: [
        HealthService,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Shutdown waits for running handlers before it closes Temporal (infrastructure.module.ts).
        { provide: APP_INTERCEPTOR, useExisting: InFlightHandlers },
        // Traces (OTEL_TRACES_EXPORTER): each request is the root of its journey calls' spans.
        ...(config.telemetry.tracesExporter === 'none'
          ? []
          : [{ provide: APP_INTERCEPTOR, useClass: RequestSpanInterceptor }]),
      ],
    };
  }
}
