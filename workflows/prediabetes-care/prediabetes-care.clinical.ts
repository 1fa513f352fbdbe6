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

/** Where a prediabetes or diabetes range starts, in one unit. */
export interface RangeLimits {
  /** The lowest value in the prediabetes range. */
  prediabetesFrom: number;
  /** The lowest value in the diabetes range; prediabetes ends just below it. */
  diabetesFrom: number;
}

export interface DiagnosticRange extends RangeLimits {
  unit: string;
  label: string;
  /**
   * The same limits as the source states them in the other unit a laboratory reports. A result is
   * compared in the unit it came in, never converted first: converting and rounding moves values
   * across the line (47 mmol/mol is 6.45 %, which rounds to 6.5 %).
   */
  otherUnit: RangeLimits & { unit: string };
}

/**
 * ADA ranges by test (ADA section 2, tables 2.2 and 2.5, which give both units); A1C in IFCC units
 * (mmol/mol) as WHO 2011 and NICE state them: diabetes >= 48, ADA prediabetes 39-47.
 */
export const DIAGNOSTIC_RANGES: Record<DiagnosticMetric, DiagnosticRange> = {
  'hba1c-percent': {
    prediabetesFrom: 5.7,
    diabetesFrom: 6.5,
    unit: '%',
    label: 'HbA1c',
    otherUnit: { unit: 'mmol/mol', prediabetesFrom: 39, diabetesFrom: 48 },
  },
  'fasting-glucose-mg-dl': {
    prediabetesFrom: 100,
    diabetesFrom: 126,
    unit: 'mg/dL',
    label: 'fasting glucose',
    otherUnit: { unit: 'mmol/L', prediabetesFrom: 5.6, diabetesFrom: 7.0 },
  },
  'ogtt-mg-dl': {
    prediabetesFrom: 140,
    diabetesFrom: 200,
    unit: 'mg/dL',
    label: '2-hour OGTT glucose',
    otherUnit: { unit: 'mmol/L', prediabetesFrom: 7.8, diabetesFrom: 11.1 },
  },
};

export function isDiagnosticMetric(metric: string): metric is DiagnosticMetric {
  return Object.hasOwn(DIAGNOSTIC_RANGES, metric);
}

/** The limits of `metric` in `unit` (the default unit when absent); undefined for a unit the source does not state. */
export function rangeIn(
  metric: DiagnosticMetric,
  unit?: string,
): (RangeLimits & { unit: string }) | undefined {
  const range = DIAGNOSTIC_RANGES[metric];
  if (unit === undefined || unit === range.unit) return range;
  return unit === range.otherUnit.unit ? range.otherUnit : undefined;
}

export function isInDiabetesRange(metric: DiagnosticMetric, value: number, unit?: string): boolean {
  const limits = rangeIn(metric, unit);
  return limits !== undefined && value >= limits.diabetesFrom;
}

/**
 * ADA section 2: a random plasma glucose >= 200 mg/dL (11.1 mmol/L) diagnoses diabetes only with
 * classic symptoms of hyperglycaemia, which Carepath cannot know: a clinician must ask.
 */
export const RANDOM_GLUCOSE_SYMPTOMATIC_FROM: Record<string, number> = { 'mg/dL': 200, 'mmol/L': 11.1 };

export const ADA_MEASUREMENT_SOURCE =
  'ADA Standards of Care, section 2: diagnosis uses laboratory plasma glucose or a laboratory (NGSP-certified) A1C; point-of-care and home glucose meters are not for diagnosis; when two different tests disagree, the test above the cut point is repeated.';
export const CRITICAL_VALUE_SOURCE =
  'Critical values are set by each laboratory (tunable defaults): plasma glucose >= 400 mg/dL, or < 54 mg/dL (3.0 mmol/L, ADA level 2 hypoglycaemia), calls for a clinician the same day.';

/** mg/dL per mmol/L of glucose (molar mass 180.16 g/mol): for trends only, never for a threshold. */
export const GLUCOSE_MG_DL_PER_MMOL_L = 18.016;

/** NGSP % from IFCC mmol/mol (the IFCC-NGSP master equation): for trends only, never for a threshold. */
export function ngspFromIfcc(mmolPerMol: number): number {
  return 0.09148 * mmolPerMol + 2.152;
}

/** Condition codes that enrol without a test value (ICD-10-CM R73.03, SNOMED CT 714628002). */
export const PREDIABETES_CONDITION_CODES = ['R73.03', '714628002'] as const;

/** CDC National DPP eligibility. */
export const MINIMUM_AGE_YEARS = 18;

/**
 * Diabetes of any type, which the program is not for (CDC National DPP eligibility: no diabetes):
 * ICD-10(-CM) E08-E11 and E13 (by prefix), SNOMED CT 73211009 diabetes mellitus, 44054006 type 2,
 * 46635009 type 1. Listed concepts only: SNOMED descendants need a terminology server.
 */
export const DIABETES_CODES = {
  icd10Prefixes: ['E08', 'E09', 'E10', 'E11', 'E13'],
  snomed: ['73211009', '44054006', '46635009'],
} as const;

/** Why an enrolment was refused: each reason is a CDC eligibility rule. */
export type EnrolmentRefusal =
  | { reason: 'under-18'; ageYears: number }
  | { reason: 'diabetes-recorded'; code: string }
  | { reason: 'referred-to-diabetes-care' };

/** CDC recognition standards (2021): the outcomes that count as success. */
export const CDC_SUCCESS = {
  weightLossPercent: 5,
  weightLossWithActivityPercent: 4,
  activityMinutesPerWeek: 150,
  a1cDropPoints: 0.2,
} as const;

/** ADA: the groups in whom a clinician should consider metformin. */
export const METFORMIN_CONSIDERATION = { minBmi: 35, belowAgeYears: 60 } as const;
