import type { DataSource } from 'typeorm';
import { preventiveOutreachJourney } from '../../workflows/preventive-outreach/preventive-outreach.journey';
import type { PreventiveOutreachSettings } from '../../workflows/preventive-outreach/preventive-outreach.settings';
import { screeningTests } from '../../workflows/preventive-outreach/screening-value-sets';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { IntervalOf } from './screening-eligibility';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import type { JourneyStarter } from '../../shared/journeys/journey-starter';
import { enrolDuePatientsActivity } from './enrol-due-patients';
import type { KeptEhrEvents } from './kept-ehr-events';
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
  /** The EHR events kept from before an enrolment, applied to the journey it starts (HZ-35); without it, none. */
  keptEvents?: KeptEhrEvents | undefined;
  /**
   * The organisation's zone for patients whose record names none: ages and seasons are judged on
   * the patient's own date. Until an organisation-wide setting lands, the cohort finder's
   * schedule zone (COHORT_FINDER_TIME_ZONE, cohort-settings.ts).
   */
  timeZone: string;
}

/** The cohort finder's activities: find due patients in the EHR, enrol them in preventive outreach. */
export function createCohortActivities({
  dataSource,
  fhir,
  journeyStarter,
  keptEvents,
  timeZone,
}: CohortDependencies) {
  const intervals = programIntervals(new ProgramSettingsStore(dataSource));
  return {
    findDuePatients: fhir
      ? findDuePatientsActivity(fhir, { timeZone, intervals })
      : (_input: FindDuePatientsInput): Promise<FindDuePatientsResult> =>
          Promise.resolve({ due: [], patientsChecked: 0 }),
    enrolDuePatients: enrolDuePatientsActivity(dataSource, journeyStarter, keptEvents),
    screeningRecordOf: fhir
      ? screeningRecordOfActivity(fhir, { timeZone, intervals })
      : (_input: ScreeningRecordOfInput): Promise<ScreeningRecordOf> => Promise.resolve({}),
  };
}

export type CohortActivities = ReturnType<typeof createCohortActivities>;

/**
 * The preventive-outreach program's current `testIntervalMonths`: the cohort finder and the
 * start check judge "still covered" by the same numbers the journey words "overdue" with.
 * Settings published before the setting existed fall back to the value sets' defaults.
 */
function programIntervals(programs: ProgramSettingsStore): () => Promise<IntervalOf> {
  return async () => {
    const { settings } = await programs.current(preventiveOutreachJourney);
    const configured = (settings as Partial<PreventiveOutreachSettings>).testIntervalMonths;
    return (test) => configured?.[test] ?? screeningTests[test].validForMonths;
  };
}
