import type { Coding } from '@medplum/fhirtypes';
import { DIABETES_CODES, MINIMUM_AGE_YEARS, type EnrolmentRefusal } from './prediabetes-care.clinical';

/*
 * CDC National DPP eligibility as pure decisions (age >= 18, no diabetes): the enrolment check
 * activity reads the facts, these functions decide.
 */

const ICD10_SYSTEMS: readonly string[] = [
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://hl7.org/fhir/sid/icd-10',
];
const SNOMED = 'http://snomed.info/sct';

export interface EnrolmentFacts {
  /** FHIR date (YYYY, YYYY-MM or YYYY-MM-DD), when the record has one. */
  birthDate?: string;
  /** Today's calendar date where the patient lives (YYYY-MM-DD). */
  today: string;
  /** Codings of the patient's current Conditions. */
  conditionCodings: Coding[][];
  /** Carepath referred the patient to diabetes care in an earlier run of this journey. */
  referredBefore: boolean;
}

export function enrolmentRefusals(facts: EnrolmentFacts): EnrolmentRefusal[] {
  const refusals: EnrolmentRefusal[] = [];
  if (facts.referredBefore) refusals.push({ reason: 'referred-to-diabetes-care' });
  const ageYears = facts.birthDate ? ageOn(facts.birthDate, facts.today) : undefined;
  if (ageYears !== undefined && ageYears < MINIMUM_AGE_YEARS) refusals.push({ reason: 'under-18', ageYears });
  const diabetes = facts.conditionCodings.map(diabetesCodeOf).find(Boolean);
  if (diabetes) refusals.push({ reason: 'diabetes-recorded', code: diabetes });
  return refusals;
}

/** `system|code` of the first coding naming diabetes of any type, if any. */
export function diabetesCodeOf(codings: Coding[]): string | undefined {
  for (const coding of codings) {
    const code = coding.code?.trim().toUpperCase().replace('.', '');
    if (!code || !coding.system) continue;
    const icd10 =
      ICD10_SYSTEMS.includes(coding.system) &&
      DIABETES_CODES.icd10Prefixes.some((prefix) => code.startsWith(prefix));
    const snomed = coding.system === SNOMED && (DIABETES_CODES.snomed as readonly string[]).includes(code);
    if (icd10 || snomed) return `${coding.system}|${coding.code}`;
  }
  return undefined;
}

/**
 * Completed years on `today`. A partial birth date (YYYY or YYYY-MM) is read as its latest possible
 * day: the youngest the patient can be, so an unclear date is checked by a person, not waved through.
 */
export function ageOn(birthDate: string, today: string): number {
  const [year, month = '12', day] = birthDate.split('-');
  const lastDay = day ?? String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate());
  const [todayYear, todayMonth, todayDay] = today.split('-').map(Number) as [number, number, number];
  const beforeBirthday =
    todayMonth < Number(month) || (todayMonth === Number(month) && todayDay < Number(lastDay));
  return todayYear - Number(year) - (beforeBirthday ? 1 : 0);
}
