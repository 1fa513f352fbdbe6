import type { Communication } from '@medplum/fhirtypes';
import { eventRulesFor } from '../../../workflows/journey-trigger-list';
import { findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { noPatient, noRuleFor } from './route-helpers';

/**
 * A Communication is read by the journey event rule that selects it by its topic, reason or
 * category (`<journey>.ehr-events.ts`: the oncology card's "patient told of the outcome"); the
 * rule reads its status, then the router checks the patient.
 */
export function routeCommunication(communication: Communication): RoutingDecision {
  const concepts = [
    ...(communication.topic ? [communication.topic] : []),
    ...(communication.reasonCode ?? []),
    ...(communication.category ?? []),
  ];
  const rule = eventRulesFor('Communication').find((candidate) => findCoding(concepts, candidate.codes));
  if (!rule) return noRuleFor('Communication', concepts);
  const reading = rule.read(communication);
  if (reading.kind === 'ignore') return ignore(reading.reason, rule.id);
  const patientId = patientIdOf(communication.subject);
  if (!patientId) return noPatient('Communication.subject', rule.id);
  return eventDecision(rule, reading, patientId);
}
