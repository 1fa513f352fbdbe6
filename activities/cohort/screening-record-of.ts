import type { Patient, Resource } from '@medplum/fhirtypes';
import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import type {
  ExclusionReason,
  ScreeningTestId,
} from '../../workflows/preventive-outreach/screening-value-sets';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { historySearches } from './history-searches';
import { exclusionOf } from '../../workflows/preventive-outreach/screening-exclusion';
import { coveringTest, patientToday, type IntervalOf } from './screening-eligibility';

export interface ScreeningRecordOfInput {
  patientId: string;
  item: ScreeningItem;
  /** The journey's clock (an ISO instant): judged on the patient's date at that moment. */
  at: string;
}

export interface ScreeningRecordOf {
  /** A procedure or condition that takes the patient out of this screening. */
  exclusion?: { reason: ExclusionReason; code: string };
  /** A test that still covers the patient. */
  covering?: { test: ScreeningTestId; at: string };
}

/** Records of one patient worth reading for one item; far below any real patient's count. */
const MAX_RECORDS = 2000;

/**
 * What the patient's record says about one screening when an outreach starts, however it was
 * started (the cohort finder, staff through the API, an EHR event): excluded (by a Procedure as
 * well as a Condition, HEDIS BCS-E, COL-E, CCS-E) or still covered by a test. The same searches
 * and rules as the cohort finder. Read-only: a retry asks the EHR again.
 */
export function screeningRecordOfActivity(
  fhir: FhirClient,
  { timeZone, intervals }: { timeZone: string; intervals?: () => Promise<IntervalOf> },
) {
  return async function screeningRecordOf({
    patientId,
    item,
    at,
  }: ScreeningRecordOfInput): Promise<ScreeningRecordOf> {
    const patient = await fhir.read<Patient>('Patient', patientId);
    if (!patient) return {};
    const history: Resource[] = [];
    for (const search of historySearches([item])) {
      const params = {
        patient: `Patient/${patientId}`,
        ...(search.tokens.length ? { [search.codeParameter]: search.tokens.join(',') } : {}),
        _count: '200',
      };
      history.push(
        ...(await fhir.search<Resource>(search.resourceType, params, { maxResults: MAX_RECORDS })),
      );
    }
    const exclusion = exclusionOf(item, history);
    if (exclusion) return { exclusion };
    const today = patientToday(patient, new Date(at), timeZone);
    const covering = coveringTest(item, patient, history, today, intervals ? await intervals() : undefined);
    return covering ? { covering } : {};
  };
}
