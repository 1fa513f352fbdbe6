import type { Patient } from '@medplum/fhirtypes';
import { isTimeZone } from '../../contracts/contract-fields';
import type { FhirClient } from '../ehr/fhir-client';
import { timeZoneOf } from '../ehr/patient-context-mapping';
import type { PatientContactStore } from '../../persistence/patient-contact-store';
import { patientRefFor } from './patient-ref';

/** Where a journey's time zone came from: the timeline says so when it is the organisation's. */
export type TimeZoneSource = 'ehr' | 'contact-preferences' | 'organisation-default';

export interface ResolvedTimeZone {
  timeZone: string;
  source: TimeZoneSource;
}

/**
 * The patient's own zone, if anyone recorded it; undefined when nobody did. `ehrRecord`: the
 * patient's EHR record when the caller has already asked for it (the API's enrolment reads it
 * once for its deceased check and the zone), instead of a read of its own.
 */
export type PatientTimeZoneReader = (
  patientId: string,
  ehrRecord?: Promise<Patient | undefined>,
) => Promise<ResolvedTimeZone | undefined>;

/**
 * Every time a patient reads is in their own zone (safety invariant 9): the EHR record first (the
 * tz-code extension, else the home address; the record the contact profile mirrors), else the
 * contact preferences Carepath keeps (set through the API or synced earlier). A transient EHR
 * failure is thrown, so the start is retried rather than made in a guessed zone.
 */
export function patientTimeZoneReader(deps: {
  fhir: FhirClient | null | undefined;
  contacts: PatientContactStore;
  pseudonymKey: string;
}): PatientTimeZoneReader {
  return async (patientId, ehrRecord) => {
    const patient = deps.fhir
      ? await (ehrRecord ?? deps.fhir.read<Patient>('Patient', patientId))
      : undefined;
    const fromEhr = patient ? timeZoneOf(patient) : undefined;
    if (fromEhr) return { timeZone: fromEhr, source: 'ehr' };
    const stored = (await deps.contacts.find(patientRefFor(patientId, deps.pseudonymKey)))?.timeZone;
    if (stored && isTimeZone(stored)) return { timeZone: stored, source: 'contact-preferences' };
    return undefined;
  };
}

/** The timeline line of a journey whose patient's zone nobody recorded. */
export function organisationZoneNote(timeZone: string): string {
  return `Patient time zone unknown (no EHR timezone or address, no contact preference): times in messages and quiet hours use the organisation's zone ${timeZone}`;
}
