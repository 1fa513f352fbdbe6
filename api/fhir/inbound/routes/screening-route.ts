import type {
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Procedure,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { PREVENTIVE_OUTREACH } from '../../../../workflows/preventive-outreach/preventive-outreach.contract';
import {
  screeningTestIds,
  screeningTests,
  type ScreeningTest,
} from '../../../../workflows/preventive-outreach/screening-value-sets';
import { dateOf } from '../../../../contracts/ehr/calendar-dates';
import { exclusionFindingsOf } from '../../../../workflows/preventive-outreach/screening-exclusion';
import { describeCodings, findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { noPatient } from './route-helpers';

/*
 * A screening recorded in the EHR means the screening is done (brief, "Events belong to the
 * journey they are about"): a Procedure, Immunization, DiagnosticReport or Observation whose code
 * is in an item's value set (screening-value-sets.ts, the lists the cohort finder counts) goes to
 * the patient's preventive outreach for that item, and for no other. An exclusion (bilateral
 * mastectomy, total colectomy, hysterectomy with no residual cervix: HEDIS BCS-E, COL-E, CCS-E)
 * recorded while an outreach runs ends it with the reason.
 */

const RESULT_STATUSES = ['final', 'amended', 'corrected', 'appended'];
const RULE_DONE = 'screening-recorded';
const RULE_EXCLUDED = 'screening-exclusion';

export function routeProcedure(procedure: Procedure): RoutingDecision {
  const exclusion = exclusionDecision(procedure, procedure.subject);
  if (exclusion) return exclusion;
  const test = testRecordedBy(procedure, [procedure.code]);
  if (!test) return noScreeningRule(procedure, procedure.code);
  if (procedure.status !== 'completed') return notDone(procedure.status, test);
  const at =
    procedure.performedDateTime ?? procedure.performedPeriod?.end ?? procedure.performedPeriod?.start;
  return screeningDone(test, procedure.code, at, procedure.subject, 'Procedure.subject');
}

export function routeImmunization(immunization: Immunization): RoutingDecision {
  const test = testRecordedBy(immunization, [immunization.vaccineCode]);
  if (!test) return noScreeningRule(immunization, immunization.vaccineCode);
  if (immunization.status !== 'completed') return notDone(immunization.status, test);
  return screeningDone(
    test,
    immunization.vaccineCode,
    immunization.occurrenceDateTime,
    immunization.patient,
    'Immunization.patient',
  );
}

/** An Observation or DiagnosticReport in a screening value set; undefined when it is in none. */
export function routeScreeningResult(resource: Observation | DiagnosticReport): RoutingDecision | undefined {
  const test = testRecordedBy(resource, [resource.code]);
  if (!test) return undefined;
  if (!RESULT_STATUSES.includes(resource.status)) return notDone(resource.status, test);
  const at =
    resource.resourceType === 'Observation'
      ? (resource.effectiveDateTime ??
        resource.effectiveInstant ??
        resource.effectivePeriod?.start ??
        resource.issued)
      : (resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.issued);
  return screeningDone(test, resource.code, at, resource.subject, `${resource.resourceType}.subject`);
}

/** A finished Encounter whose type is a preventive visit (annual wellness, CPT 99381-99397); undefined otherwise. */
export function routeScreeningEncounter(encounter: Encounter): RoutingDecision | undefined {
  const test = testRecordedBy(encounter, encounter.type ?? []);
  if (!test) return undefined;
  if (encounter.status !== 'finished') return notDone(encounter.status, test);
  const at = encounter.period?.start ?? encounter.period?.end;
  return screeningDone(test, encounter.type, at, encounter.subject, 'Encounter.subject');
}

/** A Condition that excludes from a screening (no organ to screen, surveillance); undefined otherwise. */
export function routeExclusionCondition(condition: Condition): RoutingDecision | undefined {
  return exclusionDecision(condition, condition.subject);
}

function exclusionDecision(resource: Resource, subject: Reference | undefined): RoutingDecision | undefined {
  const finding = exclusionFindingsOf(resource)[0];
  if (!finding) return undefined;
  const patientId = patientIdOf(subject);
  if (!patientId) return noPatient(`${resource.resourceType}.subject`, RULE_EXCLUDED);
  const reason = finding.kind === 'excluded' ? finding.reason : 'bilateral-mastectomy';
  return {
    kind: 'event',
    rule: RULE_EXCLUDED,
    patientId,
    events: {
      [PREVENTIVE_OUTREACH]: {
        type: 'screening-excluded',
        reason,
        ...(finding.kind === 'one-side' ? { side: finding.side === 'both' ? 'unknown' : finding.side } : {}),
        code: finding.code,
        ...(finding.at ? { at: finding.at } : {}),
      },
    },
    target: { linkedTo: [], instances: [{ journey: PREVENTIVE_OUTREACH, params: { item: finding.item } }] },
  };
}

function screeningDone(
  test: ScreeningTest,
  concept: CodeableConcept | readonly CodeableConcept[] | undefined,
  when: string | undefined,
  subject: Reference | undefined,
  subjectField: string,
): RoutingDecision {
  const at = dateOf(when);
  if (!at)
    return ignore(
      `the recorded ${test.label} has no date: whether it still covers the patient is unknown`,
      RULE_DONE,
    );
  const patientId = patientIdOf(subject);
  if (!patientId) return noPatient(subjectField, RULE_DONE);
  const matched = findCoding(concept, test.codes)!;
  return {
    kind: 'event',
    rule: RULE_DONE,
    patientId,
    events: {
      [PREVENTIVE_OUTREACH]: {
        type: 'screening-done',
        at,
        test: test.id,
        code: `${matched.coding.system}|${matched.coding.code}`,
      },
    },
    target: { linkedTo: [], instances: [{ journey: PREVENTIVE_OUTREACH, params: { item: test.item } }] },
  };
}

/** The screening test this resource records, by its type and code. */
export function testRecordedBy(
  resource: Resource,
  concepts: Array<CodeableConcept | undefined>,
): ScreeningTest | undefined {
  return screeningTestIds
    .map((id) => screeningTests[id])
    .find(
      (test) =>
        (test.recordedAs as readonly string[]).includes(resource.resourceType) &&
        findCoding(
          concepts.filter((concept): concept is CodeableConcept => concept !== undefined),
          test.codes,
        ),
    );
}

function noScreeningRule(resource: Resource, concept: CodeableConcept | undefined): RoutingDecision {
  return ignore(
    `no screening value set or exclusion takes ${resource.resourceType} coded ${describeCodings(concept)}`,
  );
}

function notDone(status: string, test: ScreeningTest): RoutingDecision {
  return ignore(`status ${status}: only a ${test.label} done counts as the screening`, RULE_DONE);
}
