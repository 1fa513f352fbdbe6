import type { CodeMatch } from '../../contracts/ehr/code-systems';
import type { ScreeningItem } from './preventive-outreach.contract';

/*
 * What counts as a screening done, and what takes a patient out of a screening, as pure data:
 * the cohort finder (activities/cohort/screening-rules.ts), the journey's rules for a screening
 * recorded in the record (preventive-outreach.ehr-events.ts) and its overdue wording all read
 * these lists, so "done" means the same thing everywhere.
 *
 * Codes are matched exactly (SNOMED CT descendants need a terminology server, so every concept an
 * EHR is expected to send is listed). The lists follow the HEDIS measure value sets for the same
 * recommendations (BCS-E mammography, COL-E colorectal, CCS-E cervical) and CVX for vaccines.
 * A code belongs to at most one item (checked by screening-value-sets.spec.ts): a recorded test
 * closes the outreach for its own item and no other.
 */

// The systems' canonical URIs (as shared/ehr/code-systems.ts; a test keeps them equal):
// workflow code may not import activities at runtime.
const loinc = 'http://loinc.org';
const snomed = 'http://snomed.info/sct';
const cpt = 'http://www.ama-assn.org/go/cpt';
const cvx = 'http://hl7.org/fhir/sid/cvx';
const icd10cm = 'http://hl7.org/fhir/sid/icd-10-cm';
/** ICD-10-PCS: inpatient procedures (HEDIS exclusion value sets list them). */
export const ICD10_PCS = 'http://www.cms.gov/Medicare/Coding/ICD10';
const hcpcsSystems = [
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
];
export const SCREENING_CODE_SYSTEMS = { loinc, snomed, cpt, cvx, icd10cm, hcpcs: hcpcsSystems } as const;

const hcpcsCodes = (...codes: string[]): CodeMatch[] => hcpcsSystems.map((system) => ({ system, codes }));
/** A long code list, written as the value sets print it. */
const list = (codes: string): string[] => codes.split(' ');

/** The FHIR resources a screening can be recorded as. */
export const HISTORY_RESOURCE_TYPES = [
  'Procedure',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'Encounter',
] as const;
export type HistoryResourceType = (typeof HISTORY_RESOURCE_TYPES)[number];

export const screeningTestIds = [
  'mammography',
  'colonoscopy',
  'ct-colonography',
  'flexible-sigmoidoscopy',
  'stool-dna-fit',
  'fit-or-gfobt',
  'cervical-cytology',
  'hpv-test',
  'influenza-vaccine',
  'preventive-visit',
] as const;
export type ScreeningTestId = (typeof screeningTestIds)[number];

export interface ScreeningTest {
  id: ScreeningTestId;
  item: ScreeningItem;
  label: string;
  /**
   * Months a test of this kind keeps the patient up to date: the default of the program setting
   * `testIntervalMonths` (preventive-outreach.settings.ts), with its source or "tunable default".
   */
  validForMonths: number;
  intervalSource: string;
  /** Counts only when done at this age or older (primary HPV testing starts at 30). */
  minAgeAtTest?: number;
  /**
   * Seasonal tests cover the season they were given in, from the first day of this month (1-12),
   * not a number of months: last December's flu shot does not cover this winter.
   */
  seasonStartMonth?: number;
  recordedAs: readonly HistoryResourceType[];
  codes: readonly CodeMatch[];
}

export const screeningTests: Record<ScreeningTestId, ScreeningTest> = {
  mammography: {
    id: 'mammography',
    item: 'mammogram',
    label: 'mammography (screening or diagnostic, including tomosynthesis)',
    validForMonths: 24,
    intervalSource: 'USPSTF 2024: every 2 years, age 40-74.',
    recordedAs: ['Procedure', 'DiagnosticReport', 'Observation'],
    codes: [
      { system: cpt, codes: ['77061', '77062', '77063', '77065', '77066', '77067'] },
      ...hcpcsCodes('G0202', 'G0204', 'G0206'),
      { system: loinc, codes: ['24604-1', '24605-8', '24606-6', '26175-0', '26176-8', '26177-6'] },
      { system: snomed, codes: ['71651007', '24623002', '241055006'] },
    ],
  },
  colonoscopy: {
    id: 'colonoscopy',
    item: 'colorectal-screening',
    label: 'colonoscopy',
    validForMonths: 120,
    intervalSource: 'USPSTF 2021: colonoscopy every 10 years.',
    recordedAs: ['Procedure', 'DiagnosticReport'],
    codes: [
      {
        system: cpt,
        codes: list(
          '44388 44389 44392 44394 44401 45378 45379 45380 45381 45382 45384 45385 45386 45388 45390 45391 45392 45393 45398',
        ),
      },
      ...hcpcsCodes('G0105', 'G0121'),
      { system: snomed, codes: ['73761001'] },
    ],
  },
  'ct-colonography': {
    id: 'ct-colonography',
    item: 'colorectal-screening',
    label: 'CT colonography',
    validForMonths: 60,
    intervalSource: 'Tunable default (USPSTF 2021 lists every 5 years; the brief does not fix it).',
    recordedAs: ['Procedure', 'DiagnosticReport'],
    codes: [
      { system: cpt, codes: ['74261', '74262', '74263'] },
      { system: loinc, codes: ['60515-4'] },
    ],
  },
  'flexible-sigmoidoscopy': {
    id: 'flexible-sigmoidoscopy',
    item: 'colorectal-screening',
    label: 'flexible sigmoidoscopy',
    validForMonths: 60,
    intervalSource: 'Tunable default (USPSTF 2021 lists every 5 years; the brief does not fix it).',
    recordedAs: ['Procedure'],
    codes: [
      {
        system: cpt,
        codes: list(
          '45330 45331 45332 45333 45334 45335 45337 45338 45340 45341 45342 45346 45347 45349 45350',
        ),
      },
      ...hcpcsCodes('G0104'),
      { system: snomed, codes: ['44441009'] },
    ],
  },
  'stool-dna-fit': {
    id: 'stool-dna-fit',
    item: 'colorectal-screening',
    label: 'stool DNA with FIT (sDNA-FIT)',
    validForMonths: 36,
    intervalSource: 'Tunable default (USPSTF 2021 lists every 1 to 3 years; the brief does not fix it).',
    recordedAs: ['Observation', 'DiagnosticReport', 'Procedure'],
    codes: [
      { system: cpt, codes: ['81528'] },
      { system: loinc, codes: ['77353-1', '77354-9'] },
    ],
  },
  'fit-or-gfobt': {
    id: 'fit-or-gfobt',
    item: 'colorectal-screening',
    label: 'fecal immunochemical test (FIT) or guaiac FOBT',
    validForMonths: 12,
    intervalSource: 'USPSTF 2021: FIT yearly.',
    recordedAs: ['Observation', 'DiagnosticReport', 'Procedure'],
    codes: [
      { system: cpt, codes: ['82270', '82274'] },
      ...hcpcsCodes('G0328'),
      {
        system: loinc,
        codes: list(
          '2335-8 12503-9 12504-7 14563-1 14564-9 14565-6 27396-1 27401-9 27925-7 27926-5 29771-3 56490-6 56491-4 57905-2 58453-2 80372-6',
        ),
      },
    ],
  },
  'cervical-cytology': {
    id: 'cervical-cytology',
    item: 'cervical-screening',
    label: 'cervical cytology (Pap test)',
    validForMonths: 36,
    intervalSource: 'USPSTF 2018: cytology every 3 years.',
    recordedAs: ['Observation', 'DiagnosticReport', 'Procedure'],
    codes: [
      {
        system: loinc,
        codes: list('10524-7 18500-9 19762-4 19764-0 19765-7 19766-5 19774-9 33717-0 47527-7 47528-5'),
      },
      {
        system: cpt,
        codes: list('88141 88142 88143 88147 88148 88150 88152 88153 88164 88165 88166 88167 88174 88175'),
      },
      ...hcpcsCodes(
        'G0123',
        'G0124',
        'G0141',
        'G0143',
        'G0144',
        'G0145',
        'G0147',
        'G0148',
        'P3000',
        'P3001',
        'Q0091',
      ),
      // "Screening for malignant neoplasm of cervix": the procedure, counted as cytology (the shorter interval).
      { system: snomed, codes: ['171149006'] },
    ],
  },
  'hpv-test': {
    id: 'hpv-test',
    item: 'cervical-screening',
    label: 'high-risk HPV test (primary or co-test)',
    validForMonths: 60,
    intervalSource: 'USPSTF 2018: high-risk HPV testing every 5 years from age 30.',
    minAgeAtTest: 30,
    recordedAs: ['Observation', 'DiagnosticReport', 'Procedure'],
    codes: [
      {
        system: loinc,
        codes: list(
          '21440-3 30167-1 38372-9 59263-4 59264-2 59420-0 69002-4 71431-1 75406-1 77379-6 77399-4 77400-0',
        ),
      },
      { system: cpt, codes: ['87624', '87625'] },
      ...hcpcsCodes('G0476'),
    ],
  },
  'influenza-vaccine': {
    id: 'influenza-vaccine',
    item: 'flu-shot',
    label: 'influenza vaccine',
    validForMonths: 12,
    intervalSource: 'CDC via immunize.org: yearly, offered September-October.',
    // Shots from 1 August count for the coming season (CDC: vaccinate by the end of October).
    seasonStartMonth: 8,
    recordedAs: ['Immunization', 'Procedure'],
    codes: [
      {
        system: cvx,
        codes: list('88 111 135 140 141 149 150 153 155 158 161 166 168 171 185 186 197 200 201 202 205'),
      },
      // Administration codes, when the shot is recorded as a procedure.
      ...hcpcsCodes('G0008'),
      { system: snomed, codes: ['86198006'] },
    ],
  },
  'preventive-visit': {
    id: 'preventive-visit',
    item: 'annual-visit',
    label: 'preventive medicine visit or Medicare wellness visit',
    validForMonths: 12,
    intervalSource: 'Medicare: annual wellness visit every 12 months.',
    recordedAs: ['Encounter', 'Procedure'],
    codes: [
      {
        system: cpt,
        codes: list('99381 99382 99383 99384 99385 99386 99387 99391 99392 99393 99394 99395 99396 99397'),
      },
      ...hcpcsCodes('G0402', 'G0438', 'G0439'),
    ],
  },
};

/** The first day (YYYY-MM-DD) of the season `today` falls in, for a season starting on the first of `startMonth`. */
export function seasonStartOn(today: string, startMonth: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const seasonYear = month >= startMonth ? year : year - 1;
  return `${seasonYear}-${String(startMonth).padStart(2, '0')}-01`;
}

export function testsOfItem(item: ScreeningItem): ScreeningTest[] {
  return Object.values(screeningTests).filter((test) => test.item === item);
}

// --- Exclusions ----------------------------------------------------------------------------------

/**
 * Why a patient is out of a screening for good. HEDIS BCS-E, COL-E and CCS-E exclude these, and
 * they are usually recorded as Procedures (brief, "Events belong to the journey they are about").
 */
export const exclusionReasons = [
  'bilateral-mastectomy',
  'breast-cancer',
  'total-colectomy',
  'colorectal-cancer',
  'hysterectomy-no-cervix',
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export const exclusionLabels: Record<ExclusionReason, string> = {
  'bilateral-mastectomy': 'bilateral mastectomy',
  'breast-cancer': 'breast cancer (followed by surveillance, not screening)',
  'total-colectomy': 'total colectomy',
  'colorectal-cancer': 'colorectal cancer (followed by surveillance, not screening)',
  'hysterectomy-no-cervix': 'hysterectomy with no residual cervix',
};

export interface ExclusionRule {
  item: ScreeningItem;
  reason: ExclusionReason;
  /** Procedures that exclude on their own. */
  procedures?: readonly CodeMatch[];
  /**
   * Procedures of one side only (a unilateral mastectomy): they exclude when the record holds
   * both sides (laterality right and left, or two with no side 14 or more days apart: HEDIS BCS-E).
   */
  unilateralProcedures?: readonly CodeMatch[];
  /** Conditions (recorded, not refuted) that exclude: a history code or an absence of the organ. */
  conditions?: readonly CodeMatch[];
}

export const exclusionRules: readonly ExclusionRule[] = [
  {
    item: 'mammogram',
    reason: 'bilateral-mastectomy',
    procedures: [
      { system: snomed, codes: ['27865001'] }, // bilateral mastectomy
      { system: ICD10_PCS, codes: ['0HTV0ZZ'] }, // resection of bilateral breast, open
    ],
    unilateralProcedures: [
      {
        system: cpt,
        codes: ['19180', '19200', '19220', '19240', '19303', '19304', '19305', '19306', '19307'],
      },
      { system: snomed, codes: ['172043006'] }, // simple mastectomy
      { system: ICD10_PCS, codes: ['0HTT0ZZ', '0HTU0ZZ'] }, // resection of right / left breast, open
    ],
    // Acquired absence of both breasts (Z90.13); of one breast each side (Z90.11 + Z90.12) is read as a pair.
    conditions: [{ system: icd10cm, codes: ['Z90.13'] }],
  },
  {
    item: 'mammogram',
    reason: 'breast-cancer',
    conditions: [
      { system: icd10cm, codes: ['C50', 'Z85.3'], prefix: true },
      { system: snomed, codes: ['254837009'] },
    ],
  },
  {
    item: 'colorectal-screening',
    reason: 'total-colectomy',
    procedures: [
      { system: cpt, codes: list('44150 44151 44152 44153 44155 44156 44157 44158 44210 44211 44212') },
      { system: snomed, codes: ['26390003'] }, // total colectomy
      { system: ICD10_PCS, codes: ['0DTE0ZZ', '0DTE4ZZ', '0DTE7ZZ', '0DTE8ZZ'] }, // resection of large intestine
    ],
    conditions: [{ system: snomed, codes: ['26390003'] }],
  },
  {
    item: 'colorectal-screening',
    reason: 'colorectal-cancer',
    conditions: [
      { system: icd10cm, codes: ['C18', 'C19', 'C20', 'C21.8', 'Z85.03', 'Z85.04'], prefix: true },
      { system: snomed, codes: ['363406005'] },
    ],
  },
  {
    item: 'cervical-screening',
    reason: 'hysterectomy-no-cervix',
    // Total and radical hysterectomies; supracervical ones (58180, 58541-58544) leave the cervix and do not count.
    procedures: [
      {
        system: cpt,
        codes: list(
          '51925 57540 57545 57550 57555 57556 58150 58152 58200 58210 58240 58260 58262 58263 58267 58270 58275 58280 58285 58290 58291 58292 58293 58294 58548 58550 58552 58553 58554 58570 58571 58572 58573 58575 58951 58953 58954 58956 59135',
        ),
      },
      { system: snomed, codes: ['116140006'] }, // total hysterectomy
      { system: ICD10_PCS, codes: ['0UTC0ZZ', '0UTC4ZZ', '0UTC7ZZ', '0UTC8ZZ'] }, // resection of cervix
    ],
    // Acquired absence of cervix (with or without uterus), congenital absence of cervix.
    conditions: [{ system: icd10cm, codes: ['Z90.710', 'Z90.712', 'Q51.5'] }],
  },
];

/** HEDIS BCS-E: two unilateral mastectomies with no side recorded count as bilateral when this far apart. */
export const UNILATERAL_PAIR_MIN_DAYS = 14;

/** Conditions naming one absent breast: Z90.11 right, Z90.12 left (a pair excludes, as Z90.13 does). */
export const oneBreastAbsentConditions: Record<'right' | 'left', CodeMatch> = {
  right: { system: icd10cm, codes: ['Z90.11'] },
  left: { system: icd10cm, codes: ['Z90.12'] },
};

/** SNOMED laterality qualifiers in Procedure.bodySite. */
export const LATERALITY = {
  right: ['24028007'],
  left: ['7771000'],
  both: ['51440002'],
} as const;

/**
 * Codes in Appointment.serviceType, appointmentType or reasonCode naming a screening item: an
 * appointment coded so goes to the patient's outreach for that item (its `instance` link in
 * preventive-outreach.triggers.ts). The demo EHR (scripts/send-ehr-event.ts) books with the first.
 */
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
    { system: cvx, codes: ['140', '141', '150', '158', '161', '171', '185', '186', '197'] },
  ],
  // Medicare annual wellness visit, initial and subsequent; HCPCS travels under both URIs.
  'annual-visit': [{ system: cpt, codes: ['99387', '99396', '99397'] }, ...hcpcsCodes('G0438', 'G0439')],
};
