/*
 * Which patients a call concerned, by their opaque reference, for routes whose request names no
 * patient id: a journey read (the journey knows its patient), an SMS keyword or an unsubscribe
 * link (a phone number or a signed pseudonym). Handlers and services note it as they learn it;
 * the audit row takes it from here, so the trail can answer "who touched this patient's data".
 */

const byRequest = new WeakMap<object, string[]>();
const byResult = new WeakMap<object, string>();

/** The patients a request acted on, learnt while handling it (several when a phone is shared). */
export function noteAuditedPatients(request: object, patientRefs: readonly string[]): void {
  byRequest.set(request, [...(byRequest.get(request) ?? []), ...patientRefs]);
}

/** Marks a result (a journey view) as this patient's, without adding anything to what is sent. */
export function withAuditedPatient<T extends object>(result: T, patientRef: string | undefined): T {
  if (patientRef) byResult.set(result, patientRef);
  return result;
}

export function auditedPatientRefs(request: object, result: unknown): string[] {
  const fromResult = result !== null && typeof result === 'object' ? byResult.get(result) : undefined;
  return [...new Set([...(byRequest.get(request) ?? []), ...(fromResult ? [fromResult] : [])])];
}
