import { Module } from '@nestjs/common';
import { DefinitionJourneyRouter } from './definition-journey-router';
import { EhrInbox } from './ehr-inbox.service';
import { FhirInboundController } from './fhir-inbound.controller';
import { FhirInboundService } from './fhir-inbound.service';
import { FhirWebhookGuard } from './fhir-webhook.guard';
import { JourneyDispatcher } from './journey-dispatcher.service';
import { ensureFhirDefinitionsLoaded } from './inbound/fhir-validation';

/** EHR events in (`POST /api/fhir`): FHIR subscription notifications and engine bundles, applied exactly once. */
@Module({
  controllers: [FhirInboundController],
  providers: [EhrInbox, FhirInboundService, FhirWebhookGuard, JourneyDispatcher, DefinitionJourneyRouter],
  // The API's enrolment applies the events that came before the journey (HZ-35).
  exports: [FhirInboundService],
})
export class FhirModule {
  onModuleInit(): void {
    // Loading the FHIR definitions takes about half a second: at start, not in the first EHR call.
    ensureFhirDefinitionsLoaded();
  }
}
