import type { Extension, Identifier } from '@medplum/fhirtypes';

/*
 * How Carepath's records are named in the EHR. The outreach message and staff task ids are the
 * business identifiers of the Communication and Task written for them, so a retried write finds
 * the first one (conditional create) and anyone can look them up in the EHR. Journey ids are
 * opaque (a keyed hash, no PHI), so they can travel too.
 */
export const OUTREACH_MESSAGE_SYSTEM = 'urn:carepath:outreach-message';
export const STAFF_TASK_SYSTEM = 'urn:carepath:staff-task';
export const JOURNEY_SYSTEM = 'urn:carepath:journey';

/**
 * The journey a Communication or Task belongs to. An extension rather than `basedOn`/`partOf`:
 * the journey is not a FHIR resource on the EHR's server, and a second business identifier
 * would claim the journey id names the message itself.
 */
export const JOURNEY_EXTENSION_URL = 'https://carepath.dev/fhir/StructureDefinition/journey';

export function journeyIdentifier(journeyId: string): Identifier & { system: string; value: string } {
  return { system: JOURNEY_SYSTEM, value: journeyId };
}

export function journeyExtension(journeyId: string): Extension {
  return { url: JOURNEY_EXTENSION_URL, valueIdentifier: journeyIdentifier(journeyId) };
}
