import { DIABETES_CODES } from '../../../workflows/prediabetes-care/prediabetes-care.clinical';
import type { ReadingMetric } from '../../../workflows/prediabetes-care/prediabetes-care.contract';
import type { ScreeningItem } from '../../../workflows/preventive-outreach/preventive-outreach.contract';
import { SCREENING_ITEM_CODES } from '../../../workflows/preventive-outreach/preventive-outreach.triggers';
import { CODE_SYSTEMS, type CodeMatch } from '../../../contracts/ehr/code-systems';

/*
 * The routing rules: which EHR resources mean something to which running journey. They are data
 * (code systems, codes, statuses, units, plausible ranges); `route-resource.ts` reads them. To route a
 * new code, add it here; to route a new kind of fact, add a rule and its reading there. What
 * starts a journey is not here: each journey declares it in its folder (`<journey>.starts.ts`:
 * an emergency discharge, an oncology referral, a prediabetes diagnosis).
 * Codes are matched exactly (ICD-10 by prefix where marked): SNOMED CT descendants need a
 * terminology server, so list every concept an EHR is expected to send.
 */

const { loinc, snomed, icd10cm, icd10, cpt } = CODE_SYSTEMS;

/** Results that count: preliminary and cancelled ones never move a journey. */
export const FINAL_RESULT_STATUSES = ['final', 'amended', 'corrected'] as const;

// --- Observations: readings for the prediabetes program ----------------------------------------

/*
 * A reading carries what it is (clinical-safety brief; ADA section 2): its code and unit as received,
 * and how it was measured. Only a laboratory value may diagnose; a home or point-of-care meter, a
 * value the patient reported, or one that does not say, monitors. The journey decides on that,
 * never on the code alone, and compares limits in the unit received (no diagnostic value is
 * converted here: converting and rounding moved 47 mmol/mol across the 6.5 % line).
 */

/** An accepted unit (UCUM code, or the unit text when the EHR sends no code) and the unit the reading carries. */
export interface AcceptedUnit {
  unit: string;
  /** Only for trend values that are never compared with a clinical limit (body weight in pounds). */
  factor?: number;
}

export interface ReadingRule {
  id: string;
  label: string;
  codes: CodeMatch[];
  metric: ReadingMetric;
  units: Record<string, AcceptedUnit>;
  /**
   * `resource`: the Observation says how it was measured (category, performer, method); `monitoring`:
   * the code itself names a meter (LOINC 2339-0 glucose in blood, 41653-7 by glucometer), so it
   * never diagnoses whatever the category says.
   */
  measuredBy: 'resource' | 'monitoring';
  /**
   * LOINC 2345-7 (glucose in serum or plasma) is a fasting glucose only when the fast is documented
   * (its Specimen's fastingStatus is F, HL7 v2-0916); without it, it is this metric (a random glucose).
   */
  withoutDocumentedFast?: ReadingMetric;
}

/** FHIR Observation.category codes. */
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** HL7 v2-0916 relevant clinical information: F = fasting (Specimen.collection.fastingStatus). */
export const FASTING_STATUS = {
  system: 'http://terminology.hl7.org/CodeSystem/v2-0916',
  fasting: 'F',
} as const;
/** Words in Observation.method or .device that name a meter rather than a laboratory analyser. */
export const MONITORING_METHOD_PATTERN =
  /point[- ]of[- ]care|\bpoc\b|glucometer|glucose meter|\bmeter\b|\bhome\b|\bself\b/i;

const same = (unit: string): AcceptedUnit => ({ unit });
const glucoseUnits = { 'mg/dL': same('mg/dL'), 'mmol/L': same('mmol/L') };

export const readingRules: readonly ReadingRule[] = [
  {
    // 4548-4 and 17856-6 report NGSP %, 59261-8 IFCC mmol/mol; the unit received decides the limits.
    id: 'hba1c-result',
    label: 'HbA1c',
    codes: [{ system: loinc, codes: ['4548-4', '17856-6', '59261-8'] }],
    metric: 'hba1c-percent',
    units: { '%': same('%'), 'mmol/mol': same('mmol/mol') },
    measuredBy: 'resource',
  },
  {
    id: 'fasting-glucose-result',
    label: 'fasting plasma glucose',
    codes: [{ system: loinc, codes: ['1558-6', '14771-0'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'resource',
  },
  {
    id: 'plasma-glucose-result',
    label: 'plasma glucose (fasting not stated)',
    codes: [{ system: loinc, codes: ['2345-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'resource',
    withoutDocumentedFast: 'random-glucose-mg-dl',
  },
  {
    // Home and point-of-care logs: the program compares home readings with home readings.
    id: 'home-glucose-reading',
    label: 'glucose in blood (home or point of care)',
    codes: [{ system: loinc, codes: ['2339-0', '41653-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'monitoring',
  },
  {
    id: 'body-weight',
    label: 'body weight',
    codes: [{ system: loinc, codes: ['29463-7', '3141-9'] }],
    metric: 'weight-kg',
    units: {
      kg: same('kg'),
      '[lb_av]': { unit: 'kg', factor: 0.45359237 },
      lb: { unit: 'kg', factor: 0.45359237 },
      g: { unit: 'kg', factor: 0.001 },
    },
    measuredBy: 'resource',
  },
];

// --- Conditions ---------------------------------------------------------------------------------

/* A prediabetes diagnosis is a start rule of prediabetes care (prediabetes-care.starts.ts). */

export type ConditionEffect =
  /** Tell the running prediabetes journey a clinician diagnosed diabetes. */
  | { kind: 'diabetes-diagnosed' }
  /** Confirmed cancer moves the card on; a refuted one rules cancer out. */
  | { kind: 'oncology-diagnosis' };

export interface ConditionRule {
  id: string;
  label: string;
  codes: CodeMatch[];
  effect: ConditionEffect;
}

export const conditionRules: readonly ConditionRule[] = [
  {
    // Diabetes of any type ends the prevention program (CDC National DPP: no diabetes).
    id: 'diabetes-diagnosis',
    label: 'diabetes mellitus',
    codes: [
      { system: icd10cm, codes: DIABETES_CODES.icd10Prefixes, prefix: true },
      { system: icd10, codes: DIABETES_CODES.icd10Prefixes, prefix: true },
      { system: snomed, codes: DIABETES_CODES.snomed },
    ],
    effect: { kind: 'diabetes-diagnosed' },
  },
  {
    // ICD-10 chapter II, C00-C97: malignant neoplasms (in-situ D00-D09 and benign D10+ excluded).
    id: 'cancer-diagnosis',
    label: 'malignant neoplasm',
    codes: [
      { system: icd10cm, codes: ['C'], prefix: true },
      { system: icd10, codes: ['C'], prefix: true },
      { system: snomed, codes: ['363346000', '254837009'] },
    ],
    effect: { kind: 'oncology-diagnosis' },
  },
];

/** Clinical statuses of a Condition that is present now (absent means present too). */
export const ACTIVE_CONDITION_STATUSES = ['active', 'recurrence', 'relapse'] as const;

// --- DiagnosticReports: pathology and imaging on the card ---------------------------------------

export interface DiagnosticReportRule {
  id: string;
  label: string;
  /** Matched against DiagnosticReport.conclusionCode, or .code when `on` is `code`. */
  on: 'conclusionCode' | 'code';
  codes: CodeMatch[];
  /**
   * Required report categories (v2-0074). A coded conclusion from any report would let, say, a
   * negative infection test close a cancer card, so public codes count only on pathology and
   * imaging reports; Carepath's own codes are explicit enough alone.
   */
  categories?: CodeMatch[];
  event: 'cancer-confirmed' | 'cancer-ruled-out' | 'in-depth-diagnostics-done';
}

const pathologyOrImaging: CodeMatch[] = [
  {
    system: CODE_SYSTEMS.diagnosticServiceSection,
    codes: ['SP', 'CP', 'PAT', 'RAD', 'CT', 'MR', 'NMS', 'RUS'],
  },
];

export const diagnosticReportRules: readonly DiagnosticReportRule[] = [
  {
    id: 'malignancy-reported',
    label: 'pathology or imaging reports a malignancy',
    on: 'conclusionCode',
    codes: [
      { system: snomed, codes: ['363346000', '254837009'] },
      { system: icd10cm, codes: ['C'], prefix: true },
      { system: icd10, codes: ['C'], prefix: true },
    ],
    categories: pathologyOrImaging,
    event: 'cancer-confirmed',
  },
  {
    id: 'malignancy-confirmed',
    label: 'report concludes: malignancy confirmed',
    on: 'conclusionCode',
    codes: [{ system: CODE_SYSTEMS.carepathOncology, codes: ['malignancy-confirmed'] }],
    event: 'cancer-confirmed',
  },
  {
    id: 'malignancy-ruled-out',
    label: 'report concludes: malignancy ruled out',
    on: 'conclusionCode',
    codes: [{ system: CODE_SYSTEMS.carepathOncology, codes: ['malignancy-ruled-out'] }],
    event: 'cancer-ruled-out',
  },
  {
    // LOINC 21908-9 / 21902-2: clinical / pathological stage group: staging ends in-depth diagnostics.
    id: 'cancer-staging',
    label: 'cancer staging report',
    on: 'code',
    codes: [
      { system: loinc, codes: ['21908-9', '21902-2'] },
      { system: CODE_SYSTEMS.carepathOncology, codes: ['staging-complete'] },
    ],
    event: 'in-depth-diagnostics-done',
  },
];

/**
 * Communication.topic, .reasonCode or .category saying the patient was told of a diagnosis or that
 * cancer is ruled out: the NHS Faster Diagnosis Standard stops on its `sent` date (CWT v12.1), not
 * on a report's issue date. Only a Communication linked to the card (basedOn or partOf its
 * referral or a report applied to it) counts.
 */
export const patientInformedCodes: CodeMatch[] = [
  { system: CODE_SYSTEMS.carepathOncology, codes: ['patient-informed-of-outcome'] },
];

// --- Appointments -------------------------------------------------------------------------------

/*
 * Which journeys take which Appointment status, and how an appointment must be linked to them, is
 * each journey's own declaration (`workflows/<journey>/<journey>.triggers.ts`): a new journey that
 * takes appointments declares it there. An appointment linked to no journey moves none; there is
 * no "the patient's only running journey" fallback (a screening mammogram once booked the
 * emergency follow-up that way).
 */

/** Codes in Appointment.serviceType, appointmentType or reasonCode naming a due screening item. */
export const screeningItemCodes: Record<ScreeningItem, CodeMatch[]> = {
  mammogram: [
    { system: snomed, codes: ['71651007'] },
    { system: cpt, codes: ['77067'] },
    { system: loinc, codes: ['24606-6'] },
  ],
  'colorectal-screening': [
    { system: snomed, codes: ['73761001'] },
    { system: cpt, codes: ['45378'] },
  ],
  'cervical-screening': [{ system: snomed, codes: ['171149006'] }],
  'flu-shot': [
    { system: snomed, codes: ['86198006'] },
    { system: CODE_SYSTEMS.cvx, codes: ['140', '141', '150', '158', '161', '171', '185', '186', '197'] },
  ],
  'annual-visit': [
    { system: cpt, codes: ['99387', '99396', '99397'] },
    // Medicare annual wellness visit, initial and subsequent; HCPCS travels under both URIs.
    ...CODE_SYSTEMS.hcpcs.map((system) => ({ system, codes: ['G0438', 'G0439'] })),
  ],
};

/** Value sets that name a journey instance by a code (see `instance` links in journey-triggers.ts). */
export const instanceValueSets: Record<string, Record<string, CodeMatch[]>> = {
  [SCREENING_ITEM_CODES]: screeningItemCodes,
};
