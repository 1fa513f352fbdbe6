import type { DiagnosticReport } from '@medplum/fhirtypes';
import { eventRulesFor } from '../../../workflows/journey-trigger-list';
import { findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import type { RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { routeRecord } from './record-route';
import { isFinal, noPatient, noRuleFor, notFinal } from './route-helpers';

/**
 * A final report is read by the journey event rule that selects it by its conclusion or its code,
 * and its category where the rule requires one (`<journey>.ehr-events.ts`: the oncology card's
 * pathology and imaging results).
 */
export function routeDiagnosticReport(report: DiagnosticReport): RoutingDecision {
  const rule = eventRulesFor('DiagnosticReport').find(
    (candidate) =>
      findCoding(candidate.on === 'code' ? report.code : report.conclusionCode, candidate.codes) &&
      (!candidate.categories || findCoding(report.category, candidate.categories)),
  );
  if (!rule) {
    // A report no coded rule selects may still be a record a journey reads whole (a screening test).
    return (
      routeRecord(report) ?? noRuleFor('DiagnosticReport', [report.code, ...(report.conclusionCode ?? [])])
    );
  }
  if (!isFinal(report.status)) return notFinal(report.status, rule.id);
  const patientId = patientIdOf(report.subject);
  if (!patientId) return noPatient('DiagnosticReport.subject', rule.id);
  return eventDecision(rule, rule.read(report), patientId);
}
