import type { Condition, Patient } from '@medplum/fhirtypes';
import type { DataSource } from 'typeorm';
import {
  DIABETES_CODES,
  MINIMUM_AGE_YEARS,
  type EnrolmentRefusal,
} from '../../workflows/prediabetes-care/prediabetes-care.clinical';
import { StaffTask } from '../database/staff-task.entity';
import type { FhirClient } from './fhir-client';
import { isCurrentCondition } from './patient-context-mapping';

export interface PrediabetesEnrolmentCheck {
  /** The journey's workflow id: the same for every enrolment of this patient in the program. */
  journeyId: string;
  /** The EHR patient id, when the journey knows it: age and recorded diabetes are read from the record. */
  patientId?: string;
  /** The patient's time zone: their age changes on their birthday where they live. */
  timeZone: string;
}

const ICD10_SYSTEMS = ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'];
const SNOMED = 'http://snomed.info/sct';
const MAX_CONDITIONS = 200;

/**
 * CDC National DPP eligibility, checked when a prediabetes journey starts, whoever started it (an
 * EHR Condition, the API, a cohort): age >= 18 and no diabetes. Diabetes is known from the EHR's
 * current Conditions and from Carepath itself: a patient this program once referred to diabetes
 * care is never enrolled again (the referral task of an earlier run of the same journey id).
 * Answers reasons only; identifiers and dates stay out of them.
 */
export function prediabetesEnrolmentCheckActivity({
  dataSource,
  fhir,
}: {
  dataSource: DataSource;
  fhir?: FhirClient;
}) {
  return async function checkPrediabetesEnrolment(
    request: PrediabetesEnrolmentCheck,
  ): Promise<EnrolmentRefusal[]> {
    const refusals: EnrolmentRefusal[] = [];
    const referred = await dataSource
      .getRepository(StaffTask)
      .existsBy({ journeyId: request.journeyId, kind: 'referral-diabetes-care' });
    if (referred) refusals.push({ reason: 'referred-to-diabetes-care' });
    if (!fhir || !request.patientId) return refusals;
    const [patient, conditions] = await Promise.all([
      fhir.read<Patient>('Patient', request.patientId),
      fhir.search<Condition>(
        'Condition',
        { patient: `Patient/${request.patientId}` },
        { maxResults: MAX_CONDITIONS },
      ),
    ]);
    const ageYears = patient?.birthDate ? ageOn(patient.birthDate, todayIn(request.timeZone)) : undefined;
    if (ageYears !== undefined && ageYears < MINIMUM_AGE_YEARS)
      refusals.push({ reason: 'under-18', ageYears });
    const diabetes = conditions.filter(isCurrentCondition).map(diabetesCodeOf).find(Boolean);
    if (diabetes) refusals.push({ reason: 'diabetes-recorded', code: diabetes });
    return refusals;
  };
}

function diabetesCodeOf(condition: Condition): string | undefined {
  for (const coding of condition.code?.coding ?? []) {
    const code = coding.code?.trim().toUpperCase().replace('.', '');
    if (!code || !coding.system) continue;
    if (ICD10_SYSTEMS.includes(coding.system) && DIABETES_CODES.icd10Prefixes.some((p) => code.startsWith(p)))
      return `${coding.system}|${coding.code}`;
    if (coding.system === SNOMED && (DIABETES_CODES.snomed as readonly string[]).includes(code))
      return `${coding.system}|${coding.code}`;
  }
  return undefined;
}

/** Today's calendar date where the patient lives (YYYY-MM-DD). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * Completed years on `today`. A partial birth date (YYYY or YYYY-MM) is read as its latest possible
 * day: the youngest the patient can be, so an unclear date is checked by a person, not waved through.
 */
export function ageOn(birthDate: string, today: string): number {
  const [year, month = '12', day] = birthDate.split('-');
  const lastDay = day ?? String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate());
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - Number(year);
  const beforeBirthday = tm < Number(month) || (tm === Number(month) && td < Number(lastDay));
  return beforeBirthday ? age - 1 : age;
}
