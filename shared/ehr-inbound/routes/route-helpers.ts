import type { CodeableConcept, Reference } from '@medplum/fhirtypes';
import { describeCodings, type Concepts } from '../../../contracts/ehr/code-systems';
import { referenceKey } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { FINAL_RESULT_STATUSES } from '../routing-rules';

/* What every route checks alike: final results, a patient, coded concepts, references. */

export function isFinal(status: string): boolean {
  return (FINAL_RESULT_STATUSES as readonly string[]).includes(status);
}

export function notFinal(status: string, rule: string): RoutingDecision {
  return ignore(`status ${status}: only ${FINAL_RESULT_STATUSES.join(', ')} results are applied`, rule);
}

export function noRuleFor(resourceType: string, concepts: Concepts): RoutingDecision {
  return ignore(`no routing rule matches ${resourceType} coded ${describeCodings(concepts)}`);
}

export function noPatient(field: string, rule: string): RoutingDecision {
  return ignore(`${field} is not a Patient/<id> reference: the patient is unknown`, rule);
}

export function codeOf(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((coding) => coding.system === system)?.code ?? concept?.coding?.[0]?.code;
}

export function references(list: readonly Reference[] | undefined): string[] {
  return (list ?? []).map((reference) => referenceKey(reference.reference)).filter(isDefined);
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
