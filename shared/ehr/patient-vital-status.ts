import type { Patient } from '@medplum/fhirtypes';
import type { FhirClient } from './fhir-client';

/** Whether the EHR records a patient as deceased, asked before every patient message. */
export interface PatientVitalStatus {
  isDeceased(patientId: string): Promise<boolean>;
}

/** `Patient.deceased[x]`: `deceasedBoolean` true, or any `deceasedDateTime` (FHIR R4 Patient). */
export function isRecordedDeceased(patient: Pick<Patient, 'deceasedBoolean' | 'deceasedDateTime'>): boolean {
  return patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined;
}

/**
 * Reads the Patient from the EHR at send time, the way contact details are read: no cached
 * answer, since a death recorded a minute ago must stop the next message. A patient the EHR does
 * not know is not judged deceased; an EHR outage is thrown, so the activity retries and the message
 * waits rather than risk reaching a patient who has died.
 */
export function vitalStatusFromEhr(fhir: FhirClient): PatientVitalStatus {
  return {
    async isDeceased(patientId) {
      const patient = await fhir.read<Patient>('Patient', patientId);
      return patient !== undefined && isRecordedDeceased(patient);
    },
  };
}
