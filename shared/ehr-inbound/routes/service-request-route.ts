import type { ServiceRequest } from '@medplum/fhirtypes';
import { findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { startRulesFor } from '../../../workflows/journey-trigger-list';
import type { RoutingDecision } from '../routing-decision';
import { noPatient, noRuleFor } from './route-helpers';
import { startDecision } from './start-decision';

/**
 * A referral or order starts the journey whose start rule selects it, by a business identifier
 * system or a code in ServiceRequest.code or .category (the oncology card: a DiLO card, an NHS
 * urgent suspected cancer referral); the rule decides what its status means.
 */
export function routeServiceRequest(request: ServiceRequest): RoutingDecision {
  const concepts = [...(request.code ? [request.code] : []), ...(request.category ?? [])];
  const start = startRulesFor('ServiceRequest').find(
    (rule) =>
      request.identifier?.some((identifier) => rule.identifierSystems.includes(identifier.system ?? '')) ||
      findCoding(concepts, rule.codes),
  );
  if (!start) return noRuleFor('ServiceRequest', concepts);
  const patientId = patientIdOf(request.subject);
  if (!patientId) return noPatient('ServiceRequest.subject', start.id);
  return startDecision(start, start.read(request), patientId, request);
}
