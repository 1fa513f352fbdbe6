import type { CodeableConcept, Communication, DiagnosticReport, ServiceRequest } from '@medplum/fhirtypes';
import { ONCOLOGY_FAST_TRACK } from '../../../../workflows/oncology-fast-track/oncology-fast-track.contract';
import { clinicalTimeOf, toInstant } from '../../../../contracts/ehr/clinical-time';
import { findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf, resourceKey } from '../../../../contracts/ehr/fhir-references';
import { ignore, type JourneyTarget, type RoutingDecision } from '../routing-decision';
import {
  diagnosticReportRules,
  patientInformedCodes,
  referralRules,
  WITHDRAWN_REFERRAL_STATUSES,
} from '../routing-rules';
import { targetFromTriggers } from './journey-links';
import { isDefined, isFinal, noPatient, noRuleFor, notFinal, references } from './route-helpers';
import { routeScreeningResult } from './screening-route';

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
  // The clock starts where the profile's source says (DiLO: waiting-list entry at the provider
  // that takes the card; NHS CWT v12.1: receipt of the referral), never at authoredOn. Without
  // it the card starts with no clock and the coordinator is asked to record it: no guessed date.
  const clockStartAt = toInstant(
    request.extension?.find((extension) => extension.url === rule.clockStart.extension)?.valueDateTime,
  );
  return {
    kind: 'start',
    rule: rule.id,
    patientId,
    journey: ONCOLOGY_FAST_TRACK,
    params: {
      cardId,
      profile: rule.profile,
      ...(rule.startedBy ? { startedBy: rule.startedBy } : {}),
      ...(clockStartAt ? { clockStartAt } : {}),
    },
  };
}

/**
 * A Communication recording that the patient was told the outcome (a diagnosis or cancer ruled
 * out): the date the NHS Faster Diagnosis Standard stops (CWT v12.1). It counts only for the card
 * it is linked to, never for "the patient's card".
 */
export function routeCommunication(communication: Communication): RoutingDecision {
  const concepts = [
    ...(communication.topic ? [communication.topic] : []),
    ...(communication.reasonCode ?? []),
    ...(communication.category ?? []),
  ];
  if (!findCoding(concepts, patientInformedCodes)) return noRuleFor('Communication', concepts);
  const rule = 'patient-informed';
  if (communication.status !== 'completed')
    return ignore(
      `status ${communication.status}: only a completed Communication says the patient was told`,
      rule,
    );
  const patientId = patientIdOf(communication.subject);
  if (!patientId) return noPatient('Communication.subject', rule);
  const at = toInstant(communication.sent);
  return {
    kind: 'event',
    rule,
    patientId,
    events: { [ONCOLOGY_FAST_TRACK]: { type: 'patient-informed', ...(at ? { at } : {}) } },
    target: {
      linkedTo: [
        resourceKey(communication),
        ...references(communication.basedOn),
        ...references(communication.partOf),
        ...references(communication.about),
      ].filter(isDefined),
      instances: [],
    },
  };
}

export function routeDiagnosticReport(report: DiagnosticReport): RoutingDecision {
  const rule = diagnosticReportRules.find(
    (candidate) =>
      findCoding(candidate.on === 'code' ? report.code : report.conclusionCode, candidate.codes) &&
      (!candidate.categories || findCoding(report.category, candidate.categories)),
  );
  if (!rule) {
    // A screening report (a mammogram, a colonoscopy) closes the outreach for its item: screening-route.ts.
    const screening = routeScreeningResult(report);
    if (screening) return screening;
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
