import type {
  Condition,
  DiagnosticReport,
  Encounter,
  Observation,
  Patient,
  Procedure,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import {
  screeningItems,
  type ScreeningItem,
} from '../../workflows/preventive-outreach/preventive-outreach.contract';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { patientIdOf } from '../../contracts/ehr/fhir-references';
import {
  birthdateRange,
  birthdateSearch,
  cursorAfter,
  DEFAULT_SLICE_DAYS,
  sliceAt,
  sliceDays,
  type BirthdateCursor,
} from './birthdate-slices';
import { localDateOf } from '../../shared/ehr/local-date';
import { historySearches } from './history-searches';
import { dueItems, eligibleItems, type DueItem, type IntervalOf } from './screening-eligibility';

export interface FindDuePatientsInput {
  items: readonly ScreeningItem[];
  /** The finder run's clock (an ISO instant): every page of one run judges on the same day. */
  asOf: string;
  /** Where to go on; absent: the youngest patients the items cover. */
  cursor?: BirthdateCursor;
  /** Patients per page at most (a birth-date slice with more is halved). */
  pageSize?: number;
}

export interface DuePatient extends DueItem {
  /** The EHR patient id: what the journey is started for (never logged). */
  patientId: string;
}

export interface FindDuePatientsResult {
  due: DuePatient[];
  /** Patients of this page, due or not. */
  patientsChecked: number;
  /** Absent when every birth date the items cover was searched. */
  nextCursor?: BirthdateCursor;
}

export const COHORT_INPUT_REJECTED = 'CohortInputRejected';
const DEFAULT_PAGE_SIZE = 200;
/** Patients whose records one history search asks for (`patient=Patient/a,Patient/b,...`). */
const PATIENTS_PER_HISTORY_SEARCH = 20;
/** More screening records than this for 20 patients means something odd: ask patient by patient. */
const HISTORY_LIMIT = 5000;
/** UTC-12 to UTC+14: a patient's date is at most two days from the organisation's. */
const ZONE_SPREAD_DAYS = 2;

/**
 * One page of the cohort: the patients born in the next slice of birth dates whose age and sex
 * some item covers, their screening history, and the items they are due for. Read-only, so a
 * retry simply asks the EHR again.
 */
export function findDuePatientsActivity(
  fhir: FhirClient,
  { timeZone, intervals }: { timeZone: string; intervals?: () => Promise<IntervalOf> },
) {
  return async function findDuePatients(input: FindDuePatientsInput): Promise<FindDuePatientsResult> {
    const { items, asOf, pageSize } = checked(input);
    // How long each test covers a patient is a program setting (testIntervalMonths): read per page.
    const intervalOf = intervals ? await intervals() : undefined;
    // Ages turn at each patient's own midnight: the range is read in the organisation's zone and
    // widened by the zones' spread, and eligibleItems judges each patient on their own date.
    const range = birthdateRange(items, localDateOf(asOf, timeZone), ZONE_SPREAD_DAYS);
    const cursor = input.cursor ?? { bornOnOrBefore: range.bornOnOrBefore };

    // The widest slice whose patients fit on a page; a single day is taken whole.
    let days = Math.min(cursor.sliceDays ?? DEFAULT_SLICE_DAYS, DEFAULT_SLICE_DAYS);
    let slice = sliceAt(cursor, days, range.bornAfter);
    let patients = await patientsIn(slice, pageSize + 1);
    while (patients.length > pageSize && sliceDays(slice) > 1) {
      days = Math.ceil(sliceDays(slice) / 2);
      slice = sliceAt(cursor, days, range.bornAfter);
      patients = await patientsIn(slice, pageSize + 1);
    }
    if (patients.length > pageSize) patients = await patientsIn(slice, Number.MAX_SAFE_INTEGER);

    const candidates = patients.filter(
      (patient) => patient.id && eligibleItems(patient, asOf, items, timeZone).length,
    );
    const history = await historyOf(
      candidates.map((patient) => patient.id!),
      items,
    );
    const due = candidates.flatMap((patient) =>
      dueItems(patient, history.get(patient.id!) ?? [], asOf, items, timeZone, intervalOf).map((item) => ({
        patientId: patient.id!,
        ...item,
      })),
    );
    const next = cursorAfter(slice, range.bornAfter);
    return {
      due,
      patientsChecked: patients.length,
      // A slice that had to be halved says so: the next page starts at that width, doubling back.
      ...(next ? { nextCursor: { ...next, sliceDays: Math.min(days * 2, DEFAULT_SLICE_DAYS) } } : {}),
    };
  };

  function patientsIn(slice: { bornAfter: string; bornOnOrBefore: string }, maxResults: number) {
    return fhir.search<Patient>(
      'Patient',
      { birthdate: birthdateSearch(slice), _count: String(Math.min(maxResults, DEFAULT_PAGE_SIZE)) },
      { maxResults },
    );
  }

  /** The screening-relevant records of these patients, by patient id. */
  async function historyOf(
    patientIds: readonly string[],
    items: readonly ScreeningItem[],
  ): Promise<Map<string, Resource[]>> {
    const byPatient = new Map<string, Resource[]>();
    const searches = historySearches(items);
    for (let start = 0; start < patientIds.length; start += PATIENTS_PER_HISTORY_SEARCH) {
      const group = patientIds.slice(start, start + PATIENTS_PER_HISTORY_SEARCH);
      for (const search of searches) {
        for (const resource of await searchRecords(search, group)) {
          const patientId = patientIdOf(patientReferenceOf(resource));
          if (!patientId) continue;
          const records = byPatient.get(patientId) ?? [];
          records.push(resource);
          byPatient.set(patientId, records);
        }
      }
    }
    return byPatient;
  }

  async function searchRecords(
    search: ReturnType<typeof historySearches>[number],
    patientIds: readonly string[],
  ): Promise<Resource[]> {
    const params = (ids: readonly string[]) => ({
      patient: ids.map((id) => `Patient/${id}`).join(','),
      ...(search.tokens.length ? { [search.codeParameter]: search.tokens.join(',') } : {}),
      _count: '200',
    });
    const found = await fhir.search<Resource>(search.resourceType, params(patientIds), {
      maxResults: HISTORY_LIMIT,
    });
    if (found.length < HISTORY_LIMIT || patientIds.length === 1) return found;
    const perPatient = await Promise.all(
      patientIds.map((id) =>
        fhir.search<Resource>(search.resourceType, params([id]), { maxResults: HISTORY_LIMIT }),
      ),
    );
    return perPatient.flat();
  }
}

/** Whose record it is: Immunization names the patient, the other history types their subject. */
function patientReferenceOf(resource: Resource): Reference | undefined {
  if (resource.resourceType === 'Immunization') return resource.patient;
  return (resource as Procedure | Observation | DiagnosticReport | Encounter | Condition).subject;
}

function checked(input: FindDuePatientsInput): { items: ScreeningItem[]; asOf: Date; pageSize: number } {
  const items = [...new Set(input.items)];
  const unknown = items.filter((item) => !(screeningItems as readonly string[]).includes(item));
  const asOf = new Date(input.asOf);
  const problems = [
    ...(items.length === 0 ? ['items: name at least one screening item'] : []),
    ...(unknown.length ? [`items: ${unknown.join(', ')} not one of ${screeningItems.join(', ')}`] : []),
    ...(Number.isNaN(asOf.getTime()) ? ['asOf: must be an ISO date-time'] : []),
    ...(input.pageSize !== undefined && !(Number.isInteger(input.pageSize) && input.pageSize >= 1)
      ? ['pageSize: must be a whole number of at least 1']
      : []),
  ];
  if (problems.length) {
    throw ApplicationFailure.nonRetryable(
      `Cohort finder input rejected: ${problems.join('; ')}`,
      COHORT_INPUT_REJECTED,
    );
  }
  return { items, asOf, pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE };
}
