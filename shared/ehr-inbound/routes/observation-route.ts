import type { Observation } from '@medplum/fhirtypes';
import { eventRulesFor } from '../../../workflows/journey-trigger-list';
import { findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import type { RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { routeRecord } from './record-route';
import { isFinal, noPatient, noRuleFor, notFinal } from './route-helpers';

/**
 * A final result is read by the journey event rule that selects it by its code
 * (`<journey>.ehr-events.ts`: prediabetes readings, which say what they are and how they were
 * measured).
 */
export function routeObservation(observation: Observation): RoutingDecision {
  const rule = eventRulesFor('Observation').find((candidate) =>
    findCoding(observation.code, candidate.codes),
  );
  // A result no coded rule selects may still be a record a journey reads whole (a screening test).
  if (!rule) return routeRecord(observation) ?? noRuleFor('Observation', observation.code);
  if (!isFinal(observation.status)) return notFinal(observation.status, rule.id);
  const patientId = patientIdOf(observation.subject);
  if (!patientId) return noPatient('Observation.subject', rule.id);
  return eventDecision(rule, rule.read(observation), patientId);
}
