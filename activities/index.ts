import type { DataSource } from 'typeorm';
import { createCohortActivities } from './cohort/cohort-activities';
import { createEhrActivities } from './ehr/ehr-activities';
import type { FhirClient } from '../shared/ehr/fhir-client';
import { prediabetesEnrolmentCheckActivity } from './ehr/prediabetes-enrolment-check';
import { ehrActivitiesWithoutEhr } from './ehr/without-ehr';
import { deliverMessageActivity, type EngagementDependencies } from './engagement/deliver-message';
import { vitalStatusFromEhr } from '../shared/ehr/patient-vital-status';
import { sendMessageActivity } from './outreach/send-message';
import { sendPortalMessageActivity } from './outreach/send-portal-message';
import type { JourneyStarter } from '../shared/journeys/journey-starter';
import type { KeptEhrEvents } from './cohort/kept-ehr-events';
import { closeJourneyStaffTasksActivity } from './staff-tasks/close-journey-staff-tasks';
import { createStaffTaskActivity } from './staff-tasks/create-staff-task';
import type { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { countDeliveries, countStaffTasks } from './activity-metrics';

export interface ActivityDependencies {
  dataSource: DataSource;
  engagement: EngagementDependencies;
  /** The patient's EHR; without it, nothing is read from or written to a record. */
  ehr?: { fhir: FhirClient; pseudonymKey: string };
  /** How the cohort finder enrols the patients it finds; without it, enrolment fails visibly. */
  journeyStarter?: JourneyStarter;
  /**
   * The EHR inbox's events kept from before an enrolment (keptEhrEventsForWorker): the cohort
   * finder's journeys take them before their first step, as the API's do (HZ-35).
   */
  keptEvents?: KeptEhrEvents;
  /**
   * The cohort finder's zone for patients whose record names none (COHORT_FINDER_TIME_ZONE);
   * the engagement policy's default zone when not given.
   */
  cohortTimeZone?: string;
  /** The worker's metrics: messages by channel and outcome, staff tasks opened, deadline breaches. */
  metrics?: CarepathMetrics;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({
  dataSource,
  engagement,
  ehr,
  journeyStarter,
  keptEvents,
  cohortTimeZone,
  metrics,
}: ActivityDependencies) {
  const ehrActivities = ehr
    ? createEhrActivities({
        dataSource,
        fhir: ehr.fhir,
        pseudonymKey: ehr.pseudonymKey,
        policy: engagement.policy,
      })
    : ehrActivitiesWithoutEhr();
  const deliverMessage = deliverMessageActivity({
    ...engagement,
    ...(ehr ? { vitalStatus: vitalStatusFromEhr(ehr.fhir) } : {}),
  });
  const createStaffTask = createStaffTaskActivity(dataSource, engagement.policy, (patientId) =>
    ehrActivities.syncPatientContact({ patientId }),
  );
  return {
    ...ehrActivities,
    deliverMessage: metrics ? countDeliveries(deliverMessage, metrics) : deliverMessage,
    /** Journeys started before the engagement layer still schedule these two; they only log the message. */
    sendMessage: sendMessageActivity(dataSource),
    sendPortalMessage: sendPortalMessageActivity(dataSource),
    createStaffTask: metrics ? countStaffTasks(createStaffTask, metrics) : createStaffTask,
    closeJourneyStaffTasks: closeJourneyStaffTasksActivity(dataSource),
    checkPrediabetesEnrolment: prediabetesEnrolmentCheckActivity({ dataSource, fhir: ehr?.fhir }),
    ...createCohortActivities({
      dataSource,
      fhir: ehr?.fhir,
      journeyStarter,
      keptEvents,
      timeZone: cohortTimeZone ?? engagement.policy.defaultTimeZone,
    }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
