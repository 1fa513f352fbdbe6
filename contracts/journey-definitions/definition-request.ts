import { referenceKey } from '../ehr/fhir-references';

/*
 * The request a definition journey tracks: an enrolment may name it in the value `requestId`
 * (`ServiceRequest/<id>`, or a bare ServiceRequest id). It is the journey's instance key, so a
 * patient can run one journey of a definition per request, each with its own keyed-hash workflow
 * id, and the EHR router finds the journey an Appointment `basedOn` that request is for. Pure.
 */

/** The enrolment value naming the request a definition journey tracks. */
export const REQUEST_ID_VALUE = 'requestId';

/** Request references are matched as `Type/id`; a bare id is a ServiceRequest's. */
export function requestKey(reference: string): string | undefined {
  const trimmed = reference.trim();
  if (trimmed === '') return undefined;
  if (!trimmed.includes('/')) return referenceKey(`ServiceRequest/${trimmed}`);
  return referenceKey(trimmed);
}

/** The params a journey enrolled for the request has, as far as its instance key goes. */
export function requestParams(key: string): { values: Record<string, string> } {
  return { values: { [REQUEST_ID_VALUE]: key } };
}

/** The instance key of a definition journey enrolled for a request (none: one journey per patient). */
export function definitionInstanceKey(params: unknown): string | undefined {
  const value = (params as { values?: Record<string, unknown> } | undefined)?.values?.[REQUEST_ID_VALUE];
  const key = typeof value === 'string' ? requestKey(value) : undefined;
  return key && `request:${key}`;
}
