import { Logger, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { createEhrEventApplier, EhrEventApplier } from '../../shared/ehr-inbound/ehr-event-applier';
import { EhrInbox } from '../../shared/ehr-inbound/ehr-inbox';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import { DATA_SOURCE, FHIR_CLIENT, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { FhirInboundController } from './fhir-inbound.controller';
import { FhirInboundService } from './fhir-inbound.service';
import { FhirWebhookGuard } from './fhir-webhook.guard';
import { ensureFhirDefinitionsLoaded } from '../../shared/ehr-inbound/fhir-validation';

/** EHR events in (`POST /api/fhir`): FHIR subscription notifications and engine bundles, applied exactly once. */
@Module({
  controllers: [FhirInboundController],
  providers: [
    FhirInboundService,
    FhirWebhookGuard,
    {
      provide: EhrInbox,
      useFactory: (dataSource: DataSource) => new EhrInbox(dataSource),
      inject: [DATA_SOURCE],
    },
    {
      // The applier is plain code (shared/ehr-inbound), built here as the worker builds it.
      provide: EhrEventApplier,
      useFactory: (
        inbox: EhrInbox,
        temporal: Client,
        fhir: FhirClient | null,
        starter: JourneyStarter,
        settings: ProgramSettingsStore,
        contacts: PatientContactStore,
        definitions: JourneyDefinitionStore,
      ) =>
        createEhrEventApplier({
          inbox,
          temporal,
          fhir,
          starter,
          settings,
          contacts,
          definitions,
          logger: new Logger('FhirInbound'),
        }),
      inject: [
        EhrInbox,
        TEMPORAL_CLIENT,
        FHIR_CLIENT,
        JourneyStarter,
        ProgramSettingsStore,
        PatientContactStore,
        JourneyDefinitionStore,
      ],
    },
  ],
  // The API's enrolment applies the events that came before the journey (HZ-35).
  exports: [EhrEventApplier],
})
export class FhirModule {
  onModuleInit(): void {
    // Loading the FHIR definitions takes about half a second: at start, not in the first EHR call.
    ensureFhirDefinitionsLoaded();
  }
}
