import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { CODE_SYSTEMS, type CodeMatch } from '../ehr/inbound/code-systems';

/*
 * Who is due for which screening, as data: the age and sex each recommendation covers, the
 * tests that count as done (with the codes EHRs record them under and how long each one covers
 * the patient), and the conditions that take a patient out of screening (surveillance or no
 * organ to screen). The cohort finder (screening-eligibility.ts) only reads these tables.
 *
 * Codes are matched exactly: SNOMED CT descendants need a terminology server, so every concept an
 * EHR is expected to send is listed. The code lists follow the HEDIS measure value sets (BCS-E,
 * COL-E, CCS-E) for the same recommendations.
 */

const { loinc, snomed, cpt, cvx, icd10cm, hcpcs } = CODE_SYSTEMS;

/** The FHIR resources a screening can be recorded as. */
export const HISTORY_RESOURCE_TYPES = [
  'Procedure',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'Encounter',
] as const;
export type HistoryResourceType = (typeof HISTORY_RESOURCE_TYPES)[number];

export interface ScreeningTest {
  id: string;
  label: string;
  /** Months a test of this kind keeps the patient up to date. */
  validForMonths: number;
  /** Counts only when done at this age or older (primary HPV testing starts at 30). */
  minAgeAtTest?: number;
  recordedAs: readonly HistoryResourceType[];
  codes: readonly CodeMatch[];
}

/** Yearly items bound to a season: done once per season, offered in its months. */
export interface SeasonRule {
  /** 1-12: the season's shots count from the first day of this month. */
  startMonth: number;
  /** 1-12: months in which a patient not yet done this season is enrolled. */
  offerMonths: readonly number[];
}

export interface ScreeningRule {
  item: ScreeningItem;
  /** Age in whole years on the day the finder runs, both ends included. */
  ages: { min: number; max?: number };
  /** Screening of an organ: decided on sex assigned at birth (US Core birth sex), else administrative gender. */
  sex?: 'female';
  tests: readonly ScreeningTest[];
  season?: SeasonRule;
  /** Conditions (any recorded, not refuted) that take the patient out of this screening. */
  exclusions?: readonly CodeMatch[];
  source: string;
}

const hcpcsCodes = (...codes: string[]): CodeMatch[] => hcpcs.map((system) => ({ system, codes }));
/** A long code list, written as the value sets print it. */
const list = (codes: string): string[] => codes.split(' ');

const mammography: ScreeningTest = {
  id: 'mammography',
  label: 'mammography (screening or diagnostic, including tomosynthesis)',
  validForMonths: 24,
  recordedAs: ['Procedure', 'DiagnosticReport', 'Observation'],
  codes: [
    { system: cpt, codes: ['77061', '77062', '77063', '77065', '77066', '77067'] },
    ...hcpcsCodes('G0202', 'G0204', 'G0206'),
    { system: loinc, codes: ['24604-1', '24605-8', '24606-6', '26175-0', '26176-8', '26177-6'] },
    { system: snomed, codes: ['71651007', '24623002', '241055006'] },
  ],
};

const colonoscopy: ScreeningTest = {
  id: 'colonoscopy',
  label: 'colonoscopy',
  validForMonths: 120,
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
};

const ctColonography: ScreeningTest = {
  id: 'ct-colonography',
  label: 'CT colonography',
  validForMonths: 60,
  recordedAs: ['Procedure', 'DiagnosticReport'],
  codes: [
    { system: cpt, codes: ['74261', '74262', '74263'] },
    { system: loinc, codes: ['60515-4'] },
  ],
};

const sigmoidoscopy: ScreeningTest = {
  id: 'flexible-sigmoidoscopy',
  label: 'flexible sigmoidoscopy',
  validForMonths: 60,
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
};

const stoolDna: ScreeningTest = {
  id: 'stool-dna-fit',
  label: 'stool DNA with FIT (sDNA-FIT)',
  validForMonths: 36,
  recordedAs: ['Observation', 'DiagnosticReport', 'Procedure'],
  codes: [
    { system: cpt, codes: ['81528'] },
    { system: loinc, codes: ['77353-1', '77354-9'] },
  ],
};

const fecalOccultBlood: ScreeningTest = {
  id: 'fit-or-gfobt',
  label: 'fecal immunochemical test (FIT) or guaiac FOBT',
  validForMonths: 12,
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
};

const cervicalCytology: ScreeningTest = {
  id: 'cervical-cytology',
  label: 'cervical cytology (Pap test)',
  validForMonths: 36,
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
};

const hpvTest: ScreeningTest = {
  id: 'hpv-test',
  label: 'high-risk HPV test (primary or co-test)',
  validForMonths: 60,
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
};

const influenzaVaccine: ScreeningTest = {
  id: 'influenza-vaccine',
  label: 'influenza vaccine',
  validForMonths: 12,
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
};

const preventiveVisit: ScreeningTest = {
  id: 'preventive-visit',
  label: 'preventive medicine visit or Medicare wellness visit',
  validForMonths: 12,
  recordedAs: ['Encounter', 'Procedure'],
  codes: [
    {
      system: cpt,
      codes: list('99381 99382 99383 99384 99385 99386 99387 99391 99392 99393 99394 99395 99396 99397'),
    },
    ...hcpcsCodes('G0402', 'G0438', 'G0439'),
  ],
};

export const screeningRules: readonly ScreeningRule[] = [
  {
    item: 'mammogram',
    ages: { min: 40, max: 74 },
    sex: 'female',
    tests: [mammography],
    exclusions: [
      // Breast cancer (followed by surveillance, not screening); bilateral mastectomy.
      { system: icd10cm, codes: ['C50', 'Z85.3'], prefix: true },
      { system: icd10cm, codes: ['Z90.13'] },
      { system: snomed, codes: ['254837009'] },
    ],
    source: 'USPSTF 2024: biennial screening mammography for women aged 40 to 74 years.',
  },
  {
    item: 'colorectal-screening',
    ages: { min: 45, max: 75 },
    tests: [colonoscopy, ctColonography, sigmoidoscopy, stoolDna, fecalOccultBlood],
    exclusions: [
      // Colorectal cancer (surveillance instead); total colectomy.
      { system: icd10cm, codes: ['C18', 'C19', 'C20', 'C21.8', 'Z85.03', 'Z85.04'], prefix: true },
      { system: snomed, codes: ['363406005', '26390003'] },
    ],
    source:
      'USPSTF 2021: adults aged 45 to 75; colonoscopy every 10 years, CT colonography or flexible sigmoidoscopy ' +
      'every 5 years, sDNA-FIT every 1 to 3 years (3 counted), FIT or gFOBT every year.',
  },
  {
    item: 'cervical-screening',
    ages: { min: 21, max: 65 },
    sex: 'female',
    tests: [cervicalCytology, hpvTest],
    exclusions: [
      // No cervix: hysterectomy with removal of the cervix, congenital absence.
      { system: icd10cm, codes: ['Z90.710', 'Z90.712', 'Q51.5'] },
    ],
    source:
      'USPSTF 2018: cytology every 3 years from 21 to 65; from 30, high-risk HPV testing (alone or with cytology) ' +
      'every 5 years.',
  },
  {
    item: 'flu-shot',
    ages: { min: 18 },
    tests: [influenzaVaccine],
    // Shots from 1 August count for the season; outreach runs September (CDC: ideally by the end of
    // October) until January, while vaccination is still worthwhile.
    season: { startMonth: 8, offerMonths: [9, 10, 11, 12, 1] },
    source:
      'CDC via immunize.org: influenza vaccine every season for everyone 6 months and older, ideally in September ' +
      'or October. This adult program starts at 18 (children are reached through their guardians).',
  },
  {
    item: 'annual-visit',
    ages: { min: 18 },
    tests: [preventiveVisit],
    source:
      'Medicare: annual wellness visit every 12 months; preventive medicine visits (CPT 99381-99397) count as well.',
  },
];

export function ruleFor(item: ScreeningItem): ScreeningRule {
  return screeningRules.find((rule) => rule.item === item)!;
}
