import type { Condition } from '@medplum/fhirtypes';
import type { ConditionFacts } from '../../../workflows/journey-starts';
import { eventRulesFor, startRulesFor } from '../../../workflows/journey-trigger-list';
import { clinicalTimeOf } from '../../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS, findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { ACTIVE_CONDITION_STATUSES } from '../routing-rules';
import { eventDecision } from './event-decision';
import { routeRecord } from './record-route';
import { codeOf, noPatient, noRuleFor } from './route-helpers';
import { startDecision } from './start-decision';

/**
 * A diagnosis is read by the journey rule that selects it by its code: a start rule
 * (`<journey>.starts.ts`: prediabetes enrols) or an event rule (`<journey>.ehr-events.ts`:
 * diabetes ends prediabetes care, cancer moves the card), once the router found it present (or
 * refuted) and not entered in error.
 */
export function routeCondition(condition: Condition): RoutingDecision {
  const rule = [
    ...startRulesFor('Condition').map((start) => ({
      ...start,
      decide: (patientId: string, facts: ConditionFacts) =>
        startDecision(start, start.read(condition, facts), patientId, condition),
    })),
    ...eventRulesFor('Condition').map((event) => ({
      ...event,
      decide: (patientId: string, facts: ConditionFacts) =>
        eventDecision(event, event.read(condition, facts), patientId),
    })),
  ].find((candidate) => findCoding(condition.code, candidate.codes));
  // A diagnosis no coded rule selects may still be a record a journey reads whole (no organ to screen).
  if (!rule) return routeRecord(condition) ?? noRuleFor('Condition', condition.code);
  const verification = codeOf(condition.verificationStatus, CODE_SYSTEMS.conditionVerification);
  if (verification === 'entered-in-error') return ignore('the condition was entered in error', rule.id);
  const patientId = patientIdOf(condition.subject);
  if (!patientId) return noPatient('Condition.subject', rule.id);
  const refuted = verification === 'refuted';
  const clinical = codeOf(condition.clinicalStatus, CODE_SYSTEMS.conditionClinical);
  if (!refuted && clinical && !(ACTIVE_CONDITION_STATUSES as readonly string[]).includes(clinical)) {
    return ignore(`the condition's clinical status is ${clinical}, not active`, rule.id);
  }
  if (!refuted && verification && verification !== 'confirmed') {
    return ignore(`the condition is ${verification}, not confirmed`, rule.id);
  }
  const at = clinicalTimeOf(condition);
  return rule.decide(patientId, { refuted, ...(at ? { at } : {}) });
}
