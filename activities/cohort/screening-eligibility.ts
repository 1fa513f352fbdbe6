import type {
  CodeableConcept,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Patient,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import {
  screeningTests,
  seasonStartOn,
  type ScreeningTest,
  type ScreeningTestId,
} from '../../workflows/preventive-outreach/screening-value-sets';
import { findCoding } from '../../contracts/ehr/code-systems';
import { timeZoneOf } from '../../shared/ehr/patient-context-mapping';
import { addMonths, addYears, ageOn, dateOf, type IsoDate } from '../../contracts/ehr/calendar-dates';
import { localDateOf } from '../../shared/ehr/local-date';
import { exclusionOf } from '../../workflows/preventive-outreach/screening-exclusion';
import { ruleFor, type ScreeningRule } from './screening-rules';

/** An item a patient is due for, as the preventive-outreach journey is started with it. */
export interface DueItem {
  item: ScreeningItem;
  /** The most recent test that counts, if any (YYYY-MM-DD). */
  lastDoneAt?: IsoDate;
  /** Which test that was: the journey words how overdue the item is by that test's own interval. */
  lastTest?: ScreeningTestId;
  /**
   * The day the patient fell due (coverage of the last test ended, they reached the age, or the
   * season began): the due cycle. It changes only when a new test is recorded or a season
   * starts, so "enrolled for this cycle" holds across nightly runs.
   */
  dueSince: IsoDate;
}

const US_CORE_BIRTH_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex';

/**
 * The items of `items` this patient is due for on `asOf`, judged on their record: `history`
 * holds the patient's Procedures, Observations, DiagnosticReports, Immunizations, Encounters and
 * Conditions (others are ignored). Deceased and inactive patients, patients without a birth
 * date, and patients excluded by a procedure or condition (the journey's screening-exclusion.ts)
 * are due for nothing. `fallbackZone` is the organisation's zone for patients whose record names none.
 */
export function dueItems(
  patient: Patient,
  history: readonly Resource[],
  asOf: Date,
  items: readonly ScreeningItem[],
  fallbackZone: string,
  intervalOf: IntervalOf = defaultInterval,
): DueItem[] {
  const today = patientToday(patient, asOf, fallbackZone);
  const birthDate = dateOf(patient.birthDate)!;
  return eligibleItems(patient, asOf, items, fallbackZone).flatMap((item) => {
    const rule = ruleFor(item);
    if (exclusionOf(item, history)) return [];
    const due = dueFor(rule, birthDate, history, today, intervalOf);
    return due ? [due] : [];
  });
}

/**
 * The patient's calendar day at `asOf`: ages, birthdays and seasons turn at the patient's own
 * midnight (their record's time zone, else the organisation's), never at UTC midnight.
 */
export function patientToday(patient: Patient, asOf: Date, fallbackZone: string): IsoDate {
  return localDateOf(asOf, timeZoneOf(patient) ?? fallbackZone);
}

/**
 * The items of `items` whose recommendation covers this patient's age and sex on `asOf`, before
 * looking at their record: the finder reads the record only of patients with some.
 */
export function eligibleItems(
  patient: Patient,
  asOf: Date,
  items: readonly ScreeningItem[],
  fallbackZone: string,
): ScreeningItem[] {
  const today = patientToday(patient, asOf, fallbackZone);
  const birthDate = dateOf(patient.birthDate);
  if (!birthDate || patient.active === false || isDeceased(patient, today)) return [];
  const age = ageOn(birthDate, today);
  return items.filter((item) => {
    const { ages, sex } = ruleFor(item);
    if (age < ages.min || (ages.max !== undefined && age > ages.max)) return false;
    return !sex || sexForScreening(patient) === sex;
  });
}

/** Months a test keeps the patient up to date: the program's `testIntervalMonths`, else the value set's default. */
export type IntervalOf = (test: ScreeningTestId) => number;
const defaultInterval: IntervalOf = (test) => screeningTests[test].validForMonths;

function dueFor(
  rule: ScreeningRule,
  birthDate: IsoDate,
  history: readonly Resource[],
  today: IsoDate,
  intervalOf: IntervalOf,
): DueItem | undefined {
  const done = testsDone(rule, birthDate, history, today, intervalOf);
  // The test whose cover ends last (a colonoscopy 9 years ago outlasts a FIT last year): how
  // overdue the item is follows from that test's own interval, never from the item's shortest.
  const coverEnd = (test: (typeof done)[number]) => addMonths(test.at, test.validForMonths);
  const last = [...done]
    .sort((a, b) => coverEnd(a).localeCompare(coverEnd(b)) || a.at.localeCompare(b.at))
    .at(-1);
  const lastDoneAt = last?.at;
  const lastTest = last ? { lastTest: last.id } : {};
  const eligibleSince = addYears(birthDate, rule.ages.min);
  const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

  if (rule.season) {
    const month = Number(today.slice(5, 7));
    if (!rule.season.offerMonths.includes(month)) return undefined;
    const seasonStart = seasonStartOn(today, rule.season.startMonth);
    if (done.some((test) => test.at >= seasonStart)) return undefined;
    return {
      item: rule.item,
      ...(lastDoneAt ? { lastDoneAt, ...lastTest } : {}),
      dueSince: later(seasonStart, eligibleSince),
    };
  }

  // Up to date while any test still covers the patient: a colonoscopy 4 years ago covers a missed FIT.
  const coveredUntil = done
    .map((test) => addMonths(test.at, test.validForMonths))
    .sort()
    .at(-1);
  if (coveredUntil && coveredUntil > today) return undefined;
  return {
    item: rule.item,
    ...(lastDoneAt ? { lastDoneAt, ...lastTest } : {}),
    dueSince: later(coveredUntil ?? eligibleSince, eligibleSince),
  };
}

/**
 * The test on the record that still covers the patient for `item` on `today` (their date): done
 * less than its interval ago, or this season for a seasonal item. Whoever enrolled the patient
 * (staff, an EHR event), a journey that starts while such a test covers them has nothing to ask.
 */
export function coveringTest(
  item: ScreeningItem,
  patient: Patient,
  history: readonly Resource[],
  today: IsoDate,
  intervalOf: IntervalOf = defaultInterval,
): { test: ScreeningTestId; at: IsoDate } | undefined {
  const rule = ruleFor(item);
  const done = testsDone(rule, dateOf(patient.birthDate) ?? '0001-01-01', history, today, intervalOf);
  const { season } = rule;
  const covers = season
    ? (test: (typeof done)[number]) => test.at >= seasonStartOn(today, season.startMonth)
    : (test: (typeof done)[number]) => addMonths(test.at, test.validForMonths) > today;
  const found = done
    .filter(covers)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return found ? { test: found.id, at: found.at } : undefined;
}

/** Every test of the rule in the record that counts: completed or final, on or before today, old enough. */
function testsDone(
  rule: ScreeningRule,
  birthDate: IsoDate,
  history: readonly Resource[],
  today: IsoDate,
  intervalOf: IntervalOf,
): Array<{ id: ScreeningTestId; at: IsoDate; validForMonths: number }> {
  return history.flatMap((resource) => {
    const test = rule.tests.find((candidate) => records(resource, candidate));
    const at = test && completedOn(resource);
    if (!test || !at || at > today) return [];
    if (test.minAgeAtTest !== undefined && ageOn(birthDate, at) < test.minAgeAtTest) return [];
    return [{ id: test.id, at, validForMonths: intervalOf(test.id) }];
  });
}

function records(resource: Resource, test: ScreeningTest): boolean {
  if (!(test.recordedAs as readonly string[]).includes(resource.resourceType)) return false;
  return findCoding(conceptsOf(resource), test.codes) !== undefined;
}

/** The coded concepts that say what was done. */
function conceptsOf(resource: Resource): CodeableConcept[] {
  switch (resource.resourceType) {
    case 'Procedure':
    case 'Observation':
    case 'DiagnosticReport':
      return resource.code ? [resource.code] : [];
    case 'Immunization':
      return [resource.vaccineCode];
    case 'Encounter':
      return resource.type ?? [];
    default:
      return [];
  }
}

const RESULT_STATUSES = ['final', 'amended', 'corrected', 'appended'];

/** When it was done, for a record of something done; undefined for plans, cancelled or preliminary records. */
function completedOn(resource: Resource): IsoDate | undefined {
  switch (resource.resourceType) {
    case 'Procedure': {
      const procedure: Procedure = resource;
      if (procedure.status !== 'completed') return undefined;
      return dateOf(
        procedure.performedDateTime ?? procedure.performedPeriod?.end ?? procedure.performedPeriod?.start,
      );
    }
    case 'Observation': {
      const observation: Observation = resource;
      if (!RESULT_STATUSES.includes(observation.status)) return undefined;
      return dateOf(
        observation.effectiveDateTime ??
          observation.effectiveInstant ??
          observation.effectivePeriod?.start ??
          observation.issued,
      );
    }
    case 'DiagnosticReport': {
      const report: DiagnosticReport = resource;
      if (!RESULT_STATUSES.includes(report.status)) return undefined;
      return dateOf(report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued);
    }
    case 'Immunization': {
      const immunization: Immunization = resource;
      return immunization.status === 'completed' ? dateOf(immunization.occurrenceDateTime) : undefined;
    }
    case 'Encounter': {
      const encounter: Encounter = resource;
      return encounter.status === 'finished'
        ? dateOf(encounter.period?.start ?? encounter.period?.end)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** US Core birth sex when recorded (F, M), else the administrative gender; undefined when neither says. */
export function sexForScreening(patient: Patient): 'female' | 'male' | undefined {
  const birthSex = patient.extension?.find((extension) => extension.url === US_CORE_BIRTH_SEX)?.valueCode;
  if (birthSex === 'F') return 'female';
  if (birthSex === 'M') return 'male';
  return patient.gender === 'female' || patient.gender === 'male' ? patient.gender : undefined;
}

function isDeceased(patient: Patient, today: IsoDate): boolean {
  if (patient.deceasedBoolean) return true;
  const deceasedOn = dateOf(patient.deceasedDateTime);
  return deceasedOn !== undefined && deceasedOn <= today;
}
