/*
 * The clinical numbers of prediabetes care. They come from the ADA Standards of Care and the CDC
 * National Diabetes Prevention Program, so they are constants rather than program settings: a
 * program may tune its cadence and wording, never what counts as diabetes or as success.
 */

export const ADA_DIAGNOSIS_SOURCE =
  'ADA Standards of Care in Diabetes, section 2 (Diagnosis and Classification): prediabetes A1C 5.7-6.4 %, FPG 100-125 mg/dL, 2-h OGTT 140-199 mg/dL; diabetes A1C >= 6.5 %, FPG >= 126, OGTT >= 200, confirmed by a second abnormal result unless unequivocal; retest people with prediabetes at least yearly.';
export const ADA_METFORMIN_SOURCE =
  'ADA Standards of Care in Diabetes, section 3 (Prevention or Delay of Diabetes): consider metformin in prediabetes, especially with BMI >= 35 kg/m2 and age < 60, or prior gestational diabetes.';
export const CDC_PROGRAM_SOURCE =
  'CDC National DPP: 16 weekly core sessions in months 0-6, monthly sessions in months 7-12; eligibility age >= 18, no diabetes.';
export const CDC_OUTCOME_SOURCE =
  'CDC Diabetes Prevention Recognition Program Standards (2021): success is >= 5 % weight loss, or >= 4 % loss with an average >= 150 min/week of activity, or an A1C reduction >= 0.2 points.';

/** The blood tests that diagnose prediabetes and diabetes. */
export type DiagnosticMetric = 'hba1c-percent' | 'fasting-glucose-mg-dl' | 'ogtt-mg-dl';

export interface DiagnosticRange {
  /** The lowest value in the prediabetes range. */
  prediabetesFrom: number;
  /** The lowest value in the diabetes range; prediabetes ends just below it. */
  diabetesFrom: number;
  unit: string;
  label: string;
}

/** ADA ranges by test (ADA section 2, tables 2.2 and 2.5). */
export const DIAGNOSTIC_RANGES: Record<DiagnosticMetric, DiagnosticRange> = {
  'hba1c-percent': { prediabetesFrom: 5.7, diabetesFrom: 6.5, unit: '%', label: 'HbA1c' },
  'fasting-glucose-mg-dl': {
    prediabetesFrom: 100,
    diabetesFrom: 126,
    unit: 'mg/dL',
    label: 'fasting glucose',
  },
  'ogtt-mg-dl': { prediabetesFrom: 140, diabetesFrom: 200, unit: 'mg/dL', label: '2-hour OGTT glucose' },
};

export function isDiagnosticMetric(metric: string): metric is DiagnosticMetric {
  return Object.hasOwn(DIAGNOSTIC_RANGES, metric);
}

export function isInDiabetesRange(metric: DiagnosticMetric, value: number): boolean {
  return value >= DIAGNOSTIC_RANGES[metric].diabetesFrom;
}

/** Condition codes that enrol without a test value (ICD-10-CM R73.03, SNOMED CT 714628002). */
export const PREDIABETES_CONDITION_CODES = ['R73.03', '714628002'] as const;

/** CDC National DPP eligibility. */
export const MINIMUM_AGE_YEARS = 18;

/** CDC recognition standards (2021): the outcomes that count as success. */
export const CDC_SUCCESS = {
  weightLossPercent: 5,
  weightLossWithActivityPercent: 4,
  activityMinutesPerWeek: 150,
  a1cDropPoints: 0.2,
} as const;

/** ADA: the groups in whom a clinician should consider metformin. */
export const METFORMIN_CONSIDERATION = { minBmi: 35, belowAgeYears: 60 } as const;
