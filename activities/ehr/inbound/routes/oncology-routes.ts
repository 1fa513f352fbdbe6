import type { CodeableConcept, DiagnosticReport, ServiceRequest } from '@medplum/fhirtypes';
import { ONCOLOGY_FAST_TRACK } from '../../../../workflows/oncology-fast-track/oncology-fast-track.contract';
import { clinicalTimeOf, toInstant } from '../clinical-time';
import { findCoding } from '../code-systems';
import { patientIdOf, resourceKey } from '../fhir-references';
import { ignore, type JourneyTarget, type RoutingDecision } from '../routing-decision';
import { diagnosticReportRules, referralRules, WITHDRAWN_REFERRAL_STATUSES } from '../routing-rules';
import { targetFromTriggers } from './journey-links';
import { isDefined, isFinal, noPatient, noRuleFor, notFinal, references } from './route-helpers';

/** The oncology card: a referral starts (or withdraws) it, pathology and imaging reports move it. */
export function routeServiceRequest(request: ServiceRequest): RoutingDecision {
  const rule = referralRules.find(
    (candidate) =>
      request.identifier?.some((identifier) =>
        candidate.identifierSystems.includes(identifier.system ?? ''),
      ) ||
      findCoding([...(request.code ? [request.code] : []), ...(request.category ?? [])], candidate.codes),
  );
  if (!rule)
    return noRuleFor('ServiceRequest', [
      ...(request.code ? [request.code] : []),
      ...(request.category ?? []),
    ]);
  const patientId = patientIdOf(request.subject);
  if (!patientId) return noPatient('ServiceRequest.subject', rule.id);
  if ((WITHDRAWN_REFERRAL_STATUSES as readonly string[]).includes(request.status)) {
    return {
      kind: 'cancel',
      rule: rule.id,
      patientId,
      journeys: [ONCOLOGY_FAST_TRACK],
      reason: `The referral was ${request.status === 'revoked' ? 'withdrawn' : 'entered in error'} in the EHR`,
      target: { linkedTo: [resourceKey(request)].filter(isDefined), instances: [] },
    };
  }
  if (request.status !== 'active') {
    return ignore(`referral status ${request.status}: only an active referral starts the card`, rule.id);
  }
  const cardId =
    request.identifier?.find((identifier) => rule.identifierSystems.includes(identifier.system ?? ''))
      ?.value ??
    request.requisition?.value ??
    request.id;
  if (!cardId)
    return ignore('the referral has no card number, requisition or id to tell cards apart', rule.id);
  const clockStartAt = toInstant(request.authoredOn);
  if (!clockStartAt) return ignore('the referral has no authoredOn: the clock start is unknown', rule.id);
  return {
    kind: 'start',
    rule: rule.id,
    patientId,
    journey: ONCOLOGY_FAST_TRACK,
    params: { cardId, clockStartAt, profile: rule.profile },
  };
}

export function routeDiagnosticReport(report: DiagnosticReport): RoutingDecision {
  const rule = diagnosticReportRules.find(
    (candidate) =>
      findCoding(candidate.on === 'code' ? report.code : report.conclusionCode, candidate.codes) &&
      (!candidate.categories || findCoding(report.category, candidate.categories)),
  );
  if (!rule) {
    return noRuleFor('DiagnosticReport', [report.code, ...(report.conclusionCode ?? [])]);
  }
  if (!isFinal(report.status)) return notFinal(report.status, rule.id);
  const patientId = patientIdOf(report.subject);
  if (!patientId) return noPatient('DiagnosticReport.subject', rule.id);
  const at = clinicalTimeOf(report);
  return {
    kind: 'event',
    rule: rule.id,
    patientId,
    events: { [ONCOLOGY_FAST_TRACK]: { type: rule.event, ...(at ? { at } : {}) } },
    target: oncologyTarget([resourceKey(report), ...references(report.basedOn)], 'DiagnosticReport', [
      report.code,
      ...(report.conclusionCode ?? []),
    ]),
  };
}

/**
 * The card a report or diagnosis is linked to: the card whose referral it is based on (or, for a
 * Condition, whose report its evidence names), or that it was applied to before. Never "the
 * patient's only running card": a report or diagnosis about another suspected cancer, or about
 * nothing the card asked for, must not confirm, rule out or stage this one (journeys.md: a second
 * cancer is a new card). `linkedTo` is the resource itself, then what it references.
 */
export function oncologyTarget(
  linkedTo: Array<string | undefined>,
  resource: 'DiagnosticReport' | 'Condition' = 'Condition',
  coded: CodeableConcept[] = [],
): JourneyTarget {
  const [self, ...referenced] = linkedTo;
  const refs = referenced.filter(isDefined);
  return targetFromTriggers(resource, [ONCOLOGY_FAST_TRACK], {
    ...(self ? { self } : {}),
    ...(resource === 'DiagnosticReport' ? { basedOn: refs } : { evidence: refs }),
    coded: { code: coded },
  });
}
