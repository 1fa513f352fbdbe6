import type { HumanName, Patient } from '@medplum/fhirtypes';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import type { StaffTaskPatientView } from './dto/staff-task-views';

/**
 * Names and birth dates for the operators' work list, read from the EHR for one page of tasks at
 * a time (each patient once) and never stored or logged: the record stays the source. A patient
 * the EHR cannot give (no id, not found, an outage) is null, and the list still answers.
 */
export async function patientsFromEhr(
  fhir: FhirClient | null,
  patientIds: ReadonlyArray<string | null>,
): Promise<Map<string, StaffTaskPatientView | null>> {
  const found = new Map<string, StaffTaskPatientView | null>();
  const ids = [...new Set(patientIds.filter((id): id is string => Boolean(id)))];
  await Promise.all(
    ids.map(async (id) => {
      const patient = fhir ? await fhir.read<Patient>('Patient', id).catch(() => undefined) : undefined;
      found.set(
        id,
        patient ? { name: displayName(patient.name), birthDate: patient.birthDate ?? null } : null,
      );
    }),
  );
  return found;
}

/** The official (else usual, else first) name, as the EHR gives it. */
function displayName(names: HumanName[] | undefined): string {
  const name =
    names?.find((candidate) => candidate.use === 'official') ??
    names?.find((candidate) => candidate.use === 'usual') ??
    names?.[0];
  if (!name) return 'No name recorded';
  return name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ');
}
