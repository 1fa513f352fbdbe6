import type { CodeableConcept, Communication, DiagnosticReport } from '@medplum/fhirtypes';
import { ONCOLOGY_FAST_TRACK } from '../../../../workflows/oncology-fast-track/oncology-fast-track.contract';
import { clinicalTimeOf, toInstant } from '../../../../contracts/ehr/clinical-time';
import { findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf, resourceKey } from '../../../../contracts/ehr/fhir-references';
import { ignore, type JourneyTarget, type RoutingDecision } from '../routing-decision';
import { diagnosticReportRules, patientInformedCodes } from '../routing-rules';
import { targetFromTriggers } from './journey-links';
import { isDefined, isFinal, noPatient, noRuleFor, notFinal, references } from './route-helpers';
import { routeScreeningResult } from './screening-route';

/* The oncology card after its referral started it (oncology-fast-track.starts.ts): reports move it. */

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
