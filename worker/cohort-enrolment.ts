import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { keptEhrEventsForWorker } from '../activities/cohort/kept-ehr-events';
import type { ActivityDependencies } from '../activities';
import { JourneyDefinitionStore } from '../persistence/journey-definition-store';
import { PatientContactStore } from '../persistence/patient-contact-store';
import { ProgramSettingsStore } from '../persistence/program-settings-store';
import type { FhirClient } from '../shared/ehr/fhir-client';
import { createJourneyStarter } from '../shared/journeys/journey-starter';
import type { CarepathMetrics } from '../shared/telemetry/carepath-metrics';

/**
 * How the worker's cohort finder enrols patients: the journey starter every process uses, and the
 * EHR inbox's applier, so its journeys take what the EHR said before them (kept events) before
 * their first step, as the API's enrolments do (HZ-35).
 */
export function cohortEnrolment(deps: {
  dataSource: DataSource;
  /** The client journeys are started with (the worker's, with its data converter). */
  temporal: Client;
  fhir: FhirClient | undefined;
  config: Pick<AppConfig, 'temporal' | 'pseudonymKey' | 'organisationTimeZone'>;
  metrics?: CarepathMetrics;
}): Required<Pick<ActivityDependencies, 'journeyStarter' | 'keptEvents'>> {
  const { dataSource, temporal, fhir } = deps;
  const settings = new ProgramSettingsStore(dataSource, { reuseWhileVersionStands: true });
  const contacts = new PatientContactStore(dataSource);
  const journeyStarter = createJourneyStarter({
    temporal,
    settings,
    contacts,
    fhir,
    config: deps.config,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  const keptEvents = keptEhrEventsForWorker({
    dataSource,
    temporal,
    fhir,
    starter: journeyStarter,
    settings,
    contacts,
    definitions: new JourneyDefinitionStore(dataSource),
  });
  return { journeyStarter, keptEvents };
}
