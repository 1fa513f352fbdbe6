import type { Resource } from '@medplum/fhirtypes';

/** A business identifier: how a resource is found again without knowing its server id. */
export interface FhirIdentifier {
  system: string;
  value: string;
}

/**
 * What Carepath needs of an EHR's FHIR R4 API, and nothing more: read, search, and create
 * idempotently. One implementation speaks HTTP to any FHIR server (with SMART Backend Services
 * credentials for real EHRs); tests and `npm start` point it at the local FHIR sandbox.
 */
export interface FhirClient {
  /** The resource, or undefined when the server answers 404 or 410 (gone). */
  read<T extends Resource>(resourceType: T['resourceType'], id: string): Promise<T | undefined>;
  /** A relative reference (`Observation/123`) or an absolute one under this server's base URL. */
  readReference<T extends Resource>(reference: string): Promise<T | undefined>;
  /** Every match of a search (following `next` links, up to `maxResults`), as resources. */
  search<T extends Resource>(
    resourceType: T['resourceType'],
    params: Record<string, string | string[]>,
    options?: { maxResults?: number },
  ): Promise<T[]>;
  /**
   * Creates the resource unless one with this identifier exists (FHIR conditional create,
   * `If-None-Exist`), and returns the stored one either way: safe to retry.
   */
  createIfNoneExist<T extends Resource>(resource: T, identifier: FhirIdentifier): Promise<T>;
}
