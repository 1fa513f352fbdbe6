import { createHmac } from 'node:crypto';

/**
 * A stable, opaque stand-in for a patient id: the same patient always maps to the same
 * reference (so enrolment can be deduplicated and journeys searched), but the reference
 * cannot be turned back into the id without the secret key.
 */
export function patientRefFor(patientId: string, pseudonymKey: string): string {
  return createHmac('sha256', pseudonymKey).update(patientId, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The workflow id of a patient's journey: the type plus a keyed hash of the patient and, for
 * types a patient can have several of (a DiLO card, a screening item), the instance key.
 * Nothing in it can be read back as PHI. Types without an instance key keep the released
 * scheme `<type>-<patientRef>`, so existing journeys are still found and deduplicated.
 */
export function journeyWorkflowId(
  type: string,
  patientId: string,
  instance: string | undefined,
  pseudonymKey: string,
): string {
  const subject = instance === undefined ? patientId : `${patientId}\u0000${instance}`;
  return `${type}-${patientRefFor(subject, pseudonymKey)}`;
}
