import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import { dateOf } from '../../contracts/ehr/calendar-dates';
import { findCoding } from '../../contracts/ehr/code-systems';
import type { EventRule, RecordedResource, RecordEventRule, RecordReading } from '../journey-events';
import { exclusionFindingsOf } from './screening-exclusion';
import {
  exclusionRules,
  oneBreastAbsentConditions,
  screeningTestIds,
  screeningTests,
  type ScreeningTest,
} from './screening-value-sets';

/*
 * A screening recorded in the EHR means the screening is done (brief, "Events belong to the
 * journey they are about"): a Procedure, Immunization, DiagnosticReport or Observation whose code
 * is in a test's value set (screening-value-sets.ts, the lists the cohort finder counts), or a
 * finished preventive-visit Encounter, goes to the patient's outreach for that test's item, and for
 * no other. An exclusion (bilateral mastectomy, total colectomy, hysterectomy with no residual
 * cervix: HEDIS BCS-E, COL-E, CCS-E) recorded while an outreach runs ends it with the reason.
 * Both are record rules: each reads its statuses and dates itself, and for a Procedure the
 * exclusion is asked first.
 */

/** Results that record a test done: `appended` too, unlike other journeys' result rules. */
const RESULT_STATUSES = ['final', 'amended', 'corrected', 'appended'];

/** Ends the outreach of the item a Procedure or Condition takes the patient out of. */
export const screeningExclusion: RecordEventRule = {
  id: 'screening-exclusion',
  resource: 'record',
  reads: ['Procedure', 'Condition'],
  label: 'screening exclusion recorded',
  description:
    'A completed exclusion Procedure, or a Condition naming no organ to screen (not refuted), ends the outreach of its item as excluded; a one-sided mastectomy is sent with its side for the journey to add up.',
  codes: [
    ...exclusionRules.flatMap((rule) => [
      ...(rule.procedures ?? []),
      ...(rule.unilateralProcedures ?? []),
      ...(rule.conditions ?? []),
    ]),
    ...Object.values(oneBreastAbsentConditions),
  ],
  read(resource: RecordedResource): RecordReading | undefined {
    const finding = exclusionFindingsOf(resource)[0];
    if (!finding) return undefined;
    const reason = finding.kind === 'excluded' ? finding.reason : 'bilateral-mastectomy';
    return {
      kind: 'event',
      event: {
        type: 'screening-excluded',
        reason,
        ...(finding.kind === 'one-side' ? { side: finding.side === 'both' ? 'unknown' : finding.side } : {}),
        code: finding.code,
        ...(finding.at ? { at: finding.at } : {}),
      },
      address: { to: 'instance', params: { item: finding.item } },
    };
  },
};

/** Closes the outreach of the item a recorded test belongs to, dated by the record. */
export const screeningRecorded: RecordEventRule = {
  id: 'screening-recorded',
  resource: 'record',
  reads: ['Procedure', 'Immunization', 'Observation', 'DiagnosticReport', 'Encounter'],
  label: 'screening test recorded',
  description:
    'A completed Procedure or Immunization, a final (or appended) result or a finished preventive visit in a screening value set closes the outreach of its item as done, on the date of the record; one with no date closes nothing.',
  codes: screeningTestIds.flatMap((id) => screeningTests[id].codes),
  read(resource: RecordedResource): RecordReading | undefined {
    switch (resource.resourceType) {
      case 'Procedure': {
        const test = testRecordedBy(resource, [resource.code]);
        if (!test) return undefined;
        if (resource.status !== 'completed') return notDone(resource.status, test);
        const at =
          resource.performedDateTime ?? resource.performedPeriod?.end ?? resource.performedPeriod?.start;
        return screeningDone(test, resource.code, at);
      }
      case 'Immunization': {
        const test = testRecordedBy(resource, [resource.vaccineCode]);
        if (!test) return undefined;
        if (resource.status !== 'completed') return notDone(resource.status, test);
        return screeningDone(test, resource.vaccineCode, resource.occurrenceDateTime);
      }
      case 'Observation':
      case 'DiagnosticReport': {
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
        return screeningDone(test, resource.code, at);
      }
      case 'Encounter': {
        // A preventive visit (annual wellness, CPT 99381-99397) by the Encounter's type.
        const test = testRecordedBy(resource, resource.type ?? []);
        if (!test) return undefined;
        if (resource.status !== 'finished') return notDone(resource.status, test);
        return screeningDone(test, resource.type, resource.period?.start ?? resource.period?.end);
      }
      case 'Condition':
        return undefined;
    }
  },
};

function screeningDone(
  test: ScreeningTest,
  concept: CodeableConcept | readonly CodeableConcept[] | undefined,
  when: string | undefined,
): RecordReading {
  const at = dateOf(when);
  if (!at) {
    return {
      kind: 'ignore',
      reason: `the recorded ${test.label} has no date: whether it still covers the patient is unknown`,
    };
  }
  const matched = findCoding(concept, test.codes)!;
  return {
    kind: 'event',
    event: {
      type: 'screening-done',
      at,
      test: test.id,
      code: `${matched.coding.system}|${matched.coding.code}`,
    },
    address: { to: 'instance', params: { item: test.item } },
  };
}

/** The screening test this resource records, by its type and code. */
function testRecordedBy(
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

function notDone(status: string, test: ScreeningTest): RecordReading {
  return { kind: 'ignore', reason: `status ${status}: only a ${test.label} done counts as the screening` };
}

/** The exclusion first: an exclusion Procedure is never also read as a test done. */
export const preventiveOutreachEvents: readonly EventRule[] = [screeningExclusion, screeningRecorded];
