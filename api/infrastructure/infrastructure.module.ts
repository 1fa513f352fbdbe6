import {
  Global,
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { createDataSource } from '../../persistence/data-source';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import { createJourneyStarter, JourneyStarter } from '../../shared/journeys/journey-starter';
import { journeyDataConverter } from '../../shared/payload-encryption/journey-data-converter';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import { closableConnection } from '../../shared/temporal/closable-connection';
import { DRAIN_TIMEOUT_MS, drainHttpServer } from './drain-http-server';
import { InFlightHandlers } from './in-flight-handlers';
import { APP_CONFIG, DATA_SOURCE, FHIR_CLIENT, TEMPORAL_CLIENT } from './tokens';

/**
 * Connections the API holds for its lifetime. A lazy Temporal connection lets the API start (and
 * report itself unhealthy) while Temporal is still coming up, instead of failing at boot; once
 * closed, it fails a retried call instead of throwing from the retry's timer.
 */
@Global()
@Module({})
export class InfrastructureModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  static forRoot(config: AppConfig, fhir?: FhirClient): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        InFlightHandlers,
        // One registry per app, never prom-client's global one: tests build several apps in a process.
        { provide: CarepathMetrics, useFactory: () => new CarepathMetrics() },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: () =>
            new Client({
              connection: closableConnection({
                address: config.temporal.address,
                tls: config.temporal.tls,
                apiKey: config.temporal.apiKey,
              }),
              namespace: config.temporal.namespace,
              dataConverter: journeyDataConverter(config.payloadEncryption),
              // Traces: starts, updates and queries carry the request's span to the workflow.
              ...(config.telemetry.tracesExporter === 'none'
                ? {}
                : { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
            }),
        },
        {
          provide: DATA_SOURCE,
          useFactory: () => createDataSource(config.databaseUrl, 'carepath-api').initialize(),
        },
        // null when no EHR is configured: id-only events are then ignored with that reason.
        { provide: FHIR_CLIENT, useValue: fhir ?? null },
        // The stores and the starter are built once here; services receive them by class.
        {
          provide: PatientContactStore,
          useFactory: (dataSource: DataSource) => new PatientContactStore(dataSource),
          inject: [DATA_SOURCE],
        },
        {
          provide: ProgramSettingsStore,
          useFactory: (dataSource: DataSource) =>
            new ProgramSettingsStore(dataSource, { reuseWhileVersionStands: true }),
          inject: [DATA_SOURCE],
        },
        {
          provide: JourneyDefinitionStore,
          useFactory: (dataSource: DataSource) => new JourneyDefinitionStore(dataSource),
          inject: [DATA_SOURCE],
        },
        {
          provide: JourneyStarter,
          useFactory: (
            temporal: Client,
            settings: ProgramSettingsStore,
            contacts: PatientContactStore,
            fhirClient: FhirClient | null,
            metrics: CarepathMetrics,
          ) => createJourneyStarter({ temporal, settings, contacts, fhir: fhirClient, config, metrics }),
          inject: [TEMPORAL_CLIENT, ProgramSettingsStore, PatientContactStore, FHIR_CLIENT, CarepathMetrics],
        },
      ],
      exports: [
        APP_CONFIG,
        CarepathMetrics,
        InFlightHandlers,
        TEMPORAL_CLIENT,
        DATA_SOURCE,
        FHIR_CLIENT,
        PatientContactStore,
        ProgramSettingsStore,
        JourneyDefinitionStore,
        JourneyStarter,
      ],
    };
  }

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    private readonly inFlight: InFlightHandlers,
  ) {}

  /** Nest closes the HTTP server only after the shutdown hooks: answer what is in flight first. */
  async beforeApplicationShutdown(): Promise<void> {
    await drainHttpServer(this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined);
    // Handlers whose client went away run on after the server has drained.
    await this.inFlight.settled(DRAIN_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
