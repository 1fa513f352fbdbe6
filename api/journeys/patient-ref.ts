import { createHmac } from 'node:crypto';

/**
 * A stable, opaque stand-in for a patient id: the same patient always maps to the same
 * reference (so enrolment can be deduplicated and journeys searched), but the reference
 * cannot be turned back into the id without the secret key.
 */
export function patientRefFor(patientId: string, pseudonymKey: string): string {
  return createHmac('sha256', pseudonymKey).update(patientId, 'utf8').digest('hex').slice(0, 32);
}
