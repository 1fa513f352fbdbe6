import type { Observation, Specimen } from '@medplum/fhirtypes';
import {
  PREDIABETES_CARE,
  READING_UNITS,
  type MeasurementSource,
  type ReadingEvent,
  type ReadingMetric,
} from '../../../../workflows/prediabetes-care/prediabetes-care.contract';
import { clinicalTimeOf } from '../../../../contracts/ehr/clinical-time';
import { codingsOf, findCoding } from '../../../../contracts/ehr/code-systems';
import { parseLiteralReference, patientIdOf } from '../../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import {
  FASTING_STATUS,
  MONITORING_METHOD_PATTERN,
  OBSERVATION_CATEGORY_SYSTEM,
  readingRules,
  type ReadingRule,
} from '../routing-rules';
import { isFinal, noPatient, noRuleFor, notFinal, roundTo } from './route-helpers';
import { routeScreeningResult } from './screening-route';

/**
 * Lab results and home readings become prediabetes `reading` events that say what they are: the
 * value, unit and code as received, and how the value was measured (see the Observations rules).
 */
export function routeObservation(observation: Observation): RoutingDecision {
  const matched = readingRules
    .map((rule) => ({ rule, coding: findCoding(observation.code, rule.codes) }))
    .find((candidate) => candidate.coding);
  // A screening result (a FIT, a Pap test) closes the outreach for its item: screening-route.ts.
  if (!matched) return routeScreeningResult(observation) ?? noRuleFor('Observation', observation.code);
  const { rule } = matched;
  if (!isFinal(observation.status)) return notFinal(observation.status, rule.id);
  const patientId = patientIdOf(observation.subject);
  if (!patientId) return noPatient('Observation.subject', rule.id);
  const metric = metricOf(observation, rule);
  const quantity = quantityOf(observation, rule, metric);
  if (typeof quantity === 'string') return ignore(quantity, rule.id);
  const source = measuredBy(observation, rule);
  const at = clinicalTimeOf(observation);
  // A laboratory value counts as a sample (confirmation, retest): with no time it cannot be placed.
  if (source === 'laboratory' && !at) {
    return ignore(`the laboratory ${rule.label} result has no effective time or issued date`, rule.id);
  }
  const { coding } = matched.coding!;
  const event: ReadingEvent = {
    type: 'reading',
    metric,
    value: quantity.value,
    unit: quantity.unit,
    ...(source ? { source } : {}),
    code: `${coding.system}|${coding.code}`,
    ...(at ? { at } : {}),
  };
  return {
    kind: 'event',
    rule: rule.id,
    patientId,
    events: { [PREDIABETES_CARE]: event },
    target: { linkedTo: [], instances: [{ journey: PREDIABETES_CARE, params: {} }] },
  };
}

/** LOINC 2345-7 is a fasting glucose only with a documented fast; else a random glucose. */
function metricOf(observation: Observation, rule: ReadingRule): ReadingMetric {
  if (!rule.withoutDocumentedFast) return rule.metric;
  return fastingDocumented(observation) ? rule.metric : rule.withoutDocumentedFast;
}

/** Specimen.collection.fastingStatus = F (HL7 v2-0916) on the Observation's contained specimen. */
function fastingDocumented(observation: Observation): boolean {
  const reference = observation.specimen?.reference;
  if (!reference?.startsWith('#')) return false;
  const specimen = observation.contained?.find(
    (resource): resource is Specimen =>
      resource.resourceType === 'Specimen' && `#${resource.id}` === reference,
  );
  const status = specimen?.collection?.fastingStatusCodeableConcept;
  return codingsOf(status).some(
    (coding) => coding.system === FASTING_STATUS.system && coding.code === FASTING_STATUS.fasting,
  );
}

/**
 * How the value was measured, from the resource itself (clinical-safety brief): the patient as
 * performer means patient-reported; a meter named by the code, method or device means home or
 * point of care; the laboratory category means laboratory. Nothing said: undefined, which the
 * journey reads as a monitoring value.
 */
function measuredBy(observation: Observation, rule: ReadingRule): MeasurementSource | undefined {
  const performers = (observation.performer ?? []).map(
    (performer) => parseLiteralReference(performer.reference)?.resourceType,
  );
  if (performers.includes('Patient') || performers.includes('RelatedPerson')) return 'patient-reported';
  const methodText = [
    observation.method?.text,
    ...codingsOf(observation.method).map((coding) => coding.display),
    observation.device?.display,
  ]
    .filter(Boolean)
    .join(' ');
  const namesMeter = rule.measuredBy === 'monitoring' || MONITORING_METHOD_PATTERN.test(methodText);
  if (namesMeter) return /\bhome\b|\bself\b/i.test(methodText) ? 'home' : 'point-of-care';
  const categories = codingsOf(observation.category)
    .filter((coding) => coding.system === OBSERVATION_CATEGORY_SYSTEM)
    .map((coding) => coding.code);
  if (categories.includes('laboratory')) return 'laboratory';
  return categories.includes('vital-signs') ? 'point-of-care' : undefined;
}

/** The value in the unit received (converted only for trend-only metrics such as weight), or why there is none. */
function quantityOf(
  observation: Observation,
  rule: ReadingRule,
  metric: ReadingMetric,
): { value: number; unit: string } | string {
  const quantity = observation.valueQuantity;
  if (quantity?.value === undefined) return `the ${rule.label} result has no valueQuantity`;
  const received = quantity.code ?? quantity.unit ?? '';
  const accepted = rule.units[received];
  if (!accepted) {
    return `unit "${received || '(none)'}" is not accepted for ${rule.label} (accepted: ${Object.keys(rule.units).join(', ')})`;
  }
  const value = accepted.factor ? roundTo(quantity.value * accepted.factor, 1) : quantity.value;
  const bounds = READING_UNITS[metric][accepted.unit];
  if (!bounds || value < bounds.min || value > bounds.max) {
    return `${rule.label} ${value} ${accepted.unit} is outside the plausible range ${bounds?.min}-${bounds?.max} for ${metric}: a unit mix-up or a typo`;
  }
  return { value, unit: accepted.unit };
}
