import type { DataSource } from 'typeorm';
import type { FhirClient } from '../ehr/fhir-client';
import type { JourneyStarter } from '../journeys/journey-starter';
import { enrolDuePatientsActivity } from './enrol-due-patients';
import {
  screeningRecordOfActivity,
  type ScreeningRecordOf,
  type ScreeningRecordOfInput,
} from './screening-record-of';
import {
  findDuePatientsActivity,
  type FindDuePatientsInput,
  type FindDuePatientsResult,
} from './find-due-patients';

export interface CohortDependencies {
  dataSource: DataSource;
  /** The EHR to search; without one, nobody is found. */
  fhir: FhirClient | undefined;
  journeyStarter: JourneyStarter | undefined;
  /**
   * The organisation's zone for patients whose record names none: ages and seasons are judged on
   * the patient's own date. Until an organisation-wide setting lands, the cohort finder's
   * schedule zone (COHORT_FINDER_TIME_ZONE, cohort-settings.ts).
   */
  timeZone: string;
}

/** The cohort finder's activities: find due patients in the EHR, enrol them in preventive outreach. */
export function createCohortActivities({ dataSource, fhir, journeyStarter, timeZone }: CohortDependencies) {
  return {
    findDuePatients: fhir
      ? findDuePatientsActivity(fhir, { timeZone })
      : (_input: FindDuePatientsInput): Promise<FindDuePatientsResult> =>
          Promise.resolve({ due: [], patientsChecked: 0 }),
    enrolDuePatients: enrolDuePatientsActivity(dataSource, journeyStarter),
    screeningRecordOf: fhir
      ? screeningRecordOfActivity(fhir, { timeZone })
      : (_input: ScreeningRecordOfInput): Promise<ScreeningRecordOf> => Promise.resolve({}),
  };
}

export type CohortActivities = ReturnType<typeof createCohortActivities>;
