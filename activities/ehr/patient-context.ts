import type { Condition, Observation, Patient } from '@medplum/fhirtypes';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import {
  conditionSummaryOf,
  contactFieldsOf,
  isCurrentCondition,
  isReportedObservation,
  observationSummaryOf,
  type ConditionSummary,
  type ObservationSummary,
  type PatientContactFields,
} from '../../shared/ehr/patient-context-mapping';

/** What journeys personalize on, read from the EHR: how to greet and reach the patient, and their clinical picture. */
export interface PatientContext extends PatientContactFields {
  /** Current problems (not resolved, not refuted), as coded in the EHR. */
  conditions: ConditionSummary[];
  /** Reported results and vitals of the look-back window, newest first. */
  recentObservations: ObservationSummary[];
}

export interface PatientContextOptions {
  now?: Date;
  /** How far back observations count as recent (default a year: the annual HbA1c retest interval). */
  observationLookbackDays?: number;
  maxObservations?: number;
}

const DEFAULT_LOOKBACK_DAYS = 365;
const DEFAULT_MAX_OBSERVATIONS = 50;
const MAX_CONDITIONS = 200;

/** The patient's context from the EHR, or undefined when the EHR has no such patient. */
export async function readPatientContext(
  fhir: FhirClient,
  patientId: string,
  options: PatientContextOptions = {},
): Promise<PatientContext | undefined> {
  const now = options.now ?? new Date();
  const since = new Date(
    now.getTime() - (options.observationLookbackDays ?? DEFAULT_LOOKBACK_DAYS) * 86_400_000,
  );
  const maxObservations = options.maxObservations ?? DEFAULT_MAX_OBSERVATIONS;
  const patientRef = `Patient/${patientId}`;
  const [patient, conditions, observations] = await Promise.all([
    fhir.read<Patient>('Patient', patientId),
    fhir.search<Condition>('Condition', { patient: patientRef }, { maxResults: MAX_CONDITIONS }),
    fhir.search<Observation>(
      'Observation',
      { patient: patientRef, date: `ge${since.toISOString()}`, _sort: '-date' },
      { maxResults: maxObservations },
    ),
  ]);
  if (!patient) return undefined;
  return {
    ...contactFieldsOf(patient, now),
    conditions: conditions.filter(isCurrentCondition).map(conditionSummaryOf),
    recentObservations: observations
      .filter(isReportedObservation)
      .map(observationSummaryOf)
      // Servers differ in how they sort; the newest first is what "recent" promises.
      .sort((a, b) => timeOf(b.effective) - timeOf(a.effective)),
  };
}

function timeOf(effective: string | undefined): number {
  return (effective && Date.parse(effective)) || 0;
}
