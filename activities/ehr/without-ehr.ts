/**
 * The EHR activities of a deployment with no EHR configured (no FHIR_BASE_URL): journeys call
 * them all the same, nothing is read or written, and the local contact profile is what counts.
 */
export function ehrActivitiesWithoutEhr() {
  return {
    syncPatientContact: (_input: { patientId: string }) => Promise.resolve({ found: false as const }),
    recordCommunicationInEhr: (_input: { outreachMessageId: string; patientId: string }) =>
      Promise.resolve({ recorded: false as const, reason: 'no-ehr' as const }),
    recordTaskInEhr: (_input: { staffTaskId: string; patientId: string }) =>
      Promise.resolve({ recorded: false as const, reason: 'no-ehr' as const }),
  };
}
