import type { Reference, Resource } from '@medplum/fhirtypes';

/** A FHIR id: what `Patient/<id>` may carry (FHIR R4 `id` datatype). */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export interface ParsedReference {
  resourceType: string;
  id: string;
  versionId?: string;
}

const LITERAL_REFERENCE =
  /(?:^|\/)(?<type>[A-Z][A-Za-z]+)\/(?<id>[A-Za-z0-9\-.]{1,64})(?:\/_history\/(?<version>[A-Za-z0-9\-.]{1,64}))?$/;

/**
 * `Observation/123`, `https://ehr.example/fhir/Observation/123` or `.../Observation/123/_history/2`
 * as type, id and version; undefined for anything else (a `urn:uuid:`, a contained `#ref`).
 */
export function parseLiteralReference(reference: string | undefined): ParsedReference | undefined {
  if (!reference) return undefined;
  const groups = LITERAL_REFERENCE.exec(reference)?.groups;
  if (!groups?.type || !groups.id) return undefined;
  return {
    resourceType: groups.type,
    id: groups.id,
    ...(groups.version ? { versionId: groups.version } : {}),
  };
}

/** `Observation/123`, the key journeys and the inbox use for a resource, whatever server it came from. */
export function resourceKey(resource: Pick<Resource, 'resourceType' | 'id'>): string | undefined {
  return resource.id ? `${resource.resourceType}/${resource.id}` : undefined;
}

export function referenceKey(reference: string | undefined): string | undefined {
  const parsed = parseLiteralReference(reference);
  return parsed && `${parsed.resourceType}/${parsed.id}`;
}

/** The keys of the literal references in `list` (references to nothing Carepath can key are left out). */
export function referenceKeys(list: readonly Reference[] | undefined): string[] {
  return (list ?? [])
    .map((reference) => referenceKey(reference.reference))
    .filter((key) => key !== undefined);
}

/** The EHR patient id a reference points at, when it is a literal `Patient/<id>` reference. */
export function patientIdOf(reference: Reference | undefined): string | undefined {
  const parsed = parseLiteralReference(reference?.reference);
  return parsed?.resourceType === 'Patient' && FHIR_ID.test(parsed.id) ? parsed.id : undefined;
}
