import type { Observation } from '@medplum/fhirtypes';
import { eventRulesFor } from '../../../../workflows/journey-trigger-list';
import { findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../../contracts/ehr/fhir-references';
import type { RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { isFinal, noPatient, noRuleFor, notFinal } from './route-helpers';
import { routeScreeningResult } from './screening-route';

/**
 * A final result is read by the journey event rule that selects it by its code
 * (`<journey>.ehr-events.ts`: prediabetes readings, which say what they are and how they were
 * measured).
 */
export function routeObservation(observation: Observation): RoutingDecision {
  const rule = eventRulesFor('Observation').find((candidate) =>
    findCoding(observation.code, candidate.codes),
  );
  // A screening result (a FIT, a Pap test) closes the outreach for its item: screening-route.ts.
  if (!rule) return routeScreeningResult(observation) ?? noRuleFor('Observation', observation.code);
  if (!isFinal(observation.status)) return notFinal(observation.status, rule.id);
  const patientId = patientIdOf(observation.subject);
  if (!patientId) return noPatient('Observation.subject', rule.id);
  return eventDecision(rule, rule.read(observation), patientId);
}
