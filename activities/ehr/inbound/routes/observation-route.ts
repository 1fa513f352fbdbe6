import type { Observation } from '@medplum/fhirtypes';
import { PREDIABETES_CARE } from '../../../../workflows/prediabetes-care/prediabetes-care.contract';
import { clinicalTimeOf } from '../clinical-time';
import { findCoding } from '../code-systems';
import { patientIdOf } from '../fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { readingRules, type ReadingRule } from '../routing-rules';
import { isFinal, noPatient, noRuleFor, notFinal, roundTo } from './route-helpers';
import { routeScreeningResult } from './screening-route';

/** Lab results and home readings become prediabetes `reading` events, in the journey's unit. */
export function routeObservation(observation: Observation): RoutingDecision {
  const rule = readingRules.find((candidate) => findCoding(observation.code, candidate.codes));
  // A screening result (a FIT, a Pap test) closes the outreach for its item: screening-route.ts.
  if (!rule) return routeScreeningResult(observation) ?? noRuleFor('Observation', observation.code);
  if (!isFinal(observation.status)) return notFinal(observation.status, rule.id);
  const patientId = patientIdOf(observation.subject);
  if (!patientId) return noPatient('Observation.subject', rule.id);
  const value = readingValue(observation, rule);
  if (typeof value === 'string') return ignore(value, rule.id);
  const at = clinicalTimeOf(observation);
  return {
    kind: 'event',
    rule: rule.id,
    patientId,
    events: { [PREDIABETES_CARE]: { type: 'reading', metric: rule.metric, value, ...(at ? { at } : {}) } },
    target: { linkedTo: [], instances: [{ journey: PREDIABETES_CARE, params: {} }] },
  };
}

/** The value in the journey's unit, or why there is none. */
function readingValue(observation: Observation, rule: ReadingRule): number | string {
  const quantity = observation.valueQuantity;
  if (quantity?.value === undefined) return `the ${rule.label} result has no valueQuantity`;
  const unit = quantity.code ?? quantity.unit ?? '';
  const conversion = rule.units[unit];
  if (!conversion) {
    return `unit "${unit || '(none)'}" is not accepted for ${rule.label} (accepted: ${Object.keys(rule.units).join(', ')})`;
  }
  const converted = quantity.value * conversion.factor + (conversion.offset ?? 0);
  const value = conversion.factor === 1 && !conversion.offset ? converted : roundTo(converted, rule.decimals);
  const { min, max } = rule.range;
  if (value < min || value > max) {
    return `${rule.label} ${value} is outside the plausible range ${min}-${max} for ${rule.metric}: a unit mix-up or a typo`;
  }
  return value;
}
