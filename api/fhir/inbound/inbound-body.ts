import type { Resource } from '@medplum/fhirtypes';
import { requireValidFhirResource } from '../../../shared/ehr-inbound/fhir-validation';
import { InboundRejection } from '../../../shared/ehr-inbound/inbound-rejection';

/** FHIR's own JSON media type, and plain JSON from engines that send no other. */
export const ACCEPTED_CONTENT_TYPES = ['application/fhir+json', 'application/json'] as const;

/** The posted bytes as a valid FHIR R4 resource, or an InboundRejection saying what is wrong. */
export function parseInboundBody(raw: Buffer | undefined, contentType: string | undefined): Resource {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(mediaType)) {
    throw new InboundRejection(
      `Content type "${mediaType ?? '(none)'}" is not accepted: send ${ACCEPTED_CONTENT_TYPES.join(' or ')}.`,
      [{ field: 'Content-Type', message: `must be ${ACCEPTED_CONTENT_TYPES.join(' or ')}` }],
      415,
    );
  }
  const text = raw?.toString('utf8').trim() ?? '';
  if (text === '') throw new InboundRejection('The request body is empty: send a FHIR resource or Bundle.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InboundRejection('The request body is not valid JSON.');
  }
  return requireValidFhirResource(parsed);
}
