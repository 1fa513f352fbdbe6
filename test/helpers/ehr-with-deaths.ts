import type { Patient, Resource } from '@medplum/fhirtypes';
import type { FhirClient } from '../../shared/ehr/fhir-client';

/**
 * An EHR for workflow tests that only need to know who died: patients whose id starts with
 * `deceased-` are recorded so (as `death` says: a boolean or a date); it knows no one else, and
 * takes every write.
 */
export function ehrWithDeaths(
  death: Pick<Patient, 'deceasedBoolean' | 'deceasedDateTime'> = { deceasedBoolean: true },
): FhirClient {
  return {
    read: <T extends Resource>(_type: T['resourceType'], id: string) =>
      Promise.resolve(
        (id.startsWith('deceased-')
          ? ({ resourceType: 'Patient', id, ...death } satisfies Patient)
          : undefined) as T | undefined,
      ),
    readReference: () => Promise.resolve(undefined),
    search: () => Promise.resolve([]),
    createIfNoneExist: <T extends Resource>(resource: T) => Promise.resolve({ ...resource, id: 'written' }),
  };
}
