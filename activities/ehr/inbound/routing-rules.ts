import type { DeliveryChannel } from '../../engagement/channels/channel-adapter';
import { type DeadlineProfileId } from '../../../workflows/oncology-fast-track/oncology-fast-track.contract';
import {
  READING_BOUNDS,
  type ReadingMetric,
} from '../../../workflows/prediabetes-care/prediabetes-care.contract';
import { type ScreeningItem } from '../../../workflows/preventive-outreach/preventive-outreach.contract';
import { SCREENING_ITEM_CODES } from '../../../workflows/preventive-outreach/preventive-outreach.triggers';
import { CODE_SYSTEMS, type CodeMatch } from './code-systems';

/*
 * The routing rules: which EHR resources mean something to which journey. They are data (code
 * systems, codes, statuses, units, plausible ranges); `route-resource.ts` reads them. To route a
 * new code, add it here; to route a new kind of fact, add a rule and its reading there.
 * Codes are matched exactly (ICD-10 by prefix where marked): SNOMED CT descendants need a
 * terminology server, so list every concept an EHR is expected to send.
 */

const { loinc, snomed, icd10cm, icd10, cpt } = CODE_SYSTEMS;

/** Results that count: preliminary and cancelled ones never move a journey. */
export const FINAL_RESULT_STATUSES = ['final', 'amended', 'corrected'] as const;

// --- Observations: readings for the prediabetes program ----------------------------------------

/** How a value in an accepted unit becomes the journey's unit: `value * factor + offset`. */
export interface UnitConversion {
  factor: number;
  offset?: number;
}

export interface ReadingRule {
  id: string;
  label: string;
  codes: CodeMatch[];
  metric: ReadingMetric;
  /** Accepted units (UCUM code, or the unit text when the EHR sends no code). */
  units: Record<string, UnitConversion>;
  /** Decimals kept after a unit conversion. */
  decimals: number;
  /** Plausible values in the journey's unit: outside is a unit mix-up or a typo, never a reading. */
  range: { min: number; max: number };
}

const same: UnitConversion = { factor: 1 };
/** mg/dL per mmol/L of glucose (molar mass 180.16 g/mol). */
const glucoseMmolToMg: UnitConversion = { factor: 18.016 };

export const readingRules: readonly ReadingRule[] = [
  {
    id: 'hba1c-result',
    label: 'HbA1c',
    codes: [{ system: loinc, codes: ['4548-4', '17856-6'] }],
    metric: 'hba1c-percent',
    // IFCC mmol/mol to NGSP %: the IFCC-NGSP master equation (NGSP = 0.09148 * IFCC + 2.152).
    units: { '%': same, 'mmol/mol': { factor: 0.09148, offset: 2.152 } },
    decimals: 1,
    range: READING_BOUNDS['hba1c-percent'],
  },
  {
    id: 'fasting-glucose-result',
    label: 'fasting plasma glucose (lab)',
    codes: [{ system: loinc, codes: ['1558-6', '2345-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: { 'mg/dL': same, 'mmol/L': glucoseMmolToMg },
    decimals: 0,
    range: READING_BOUNDS['fasting-glucose-mg-dl'],
  },
  {
    // Home and point-of-care logs: the program compares home readings with home readings.
    id: 'home-glucose-reading',
    label: 'glucose in blood (home or point of care)',
    codes: [{ system: loinc, codes: ['2339-0', '41653-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: { 'mg/dL': same, 'mmol/L': glucoseMmolToMg },
    decimals: 0,
    range: READING_BOUNDS['fasting-glucose-mg-dl'],
  },
  {
    id: 'body-weight',
    label: 'body weight',
    codes: [{ system: loinc, codes: ['29463-7', '3141-9'] }],
    metric: 'weight-kg',
    units: { kg: same, '[lb_av]': { factor: 0.45359237 }, lb: { factor: 0.45359237 }, g: { factor: 0.001 } },
    decimals: 1,
    range: READING_BOUNDS['weight-kg'],
  },
];

// --- Conditions ---------------------------------------------------------------------------------

export type ConditionEffect =
  /** Enrol in prediabetes care when no journey is running (ICD-10-CM / SNOMED code kept as the entry). */
  | { kind: 'enrol-prediabetes'; entryCodes: Record<string, '714628002' | 'R73.03'> }
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
    id: 'prediabetes-diagnosis',
    label: 'prediabetes',
    codes: [
      { system: icd10cm, codes: ['R73.03'] },
      { system: snomed, codes: ['714628002'] },
    ],
    effect: { kind: 'enrol-prediabetes', entryCodes: { [icd10cm]: 'R73.03', [snomed]: '714628002' } },
  },
  {
    id: 'diabetes-diagnosis',
    label: 'type 2 diabetes',
    codes: [
      { system: icd10cm, codes: ['E11'], prefix: true },
      { system: icd10, codes: ['E11'], prefix: true },
      { system: snomed, codes: ['44054006'] },
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

// --- Encounters ---------------------------------------------------------------------------------

/*
 * An emergency discharge starts the follow-up only when its discharge disposition calls for one
 * (workflows/emergency-follow-up/emergency-follow-up.disposition.ts: home yes; died, hospice or a
 * transfer never; unknown after a staff check). An admission is a readmission only when it began
 * after the discharge it would end: the workflow compares the two dates.
 */

/** Encounter.hospitalization.dischargeDisposition (HL7 discharge-disposition code system). */
export const DISCHARGE_DISPOSITION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';

export type EncounterEffect = 'start-emergency-follow-up' | 'readmitted' | 'emergency-visit-withdrawn';

export interface EncounterRule {
  id: string;
  label: string;
  /** Encounter.class (a Coding in R4), v3 ActCode. */
  classes: CodeMatch[];
  statuses: readonly string[];
  effect: EncounterEffect;
}

export const encounterRules: readonly EncounterRule[] = [
  {
    // HL7v2 ADT^A03 from the emergency department.
    id: 'emergency-discharge',
    label: 'emergency visit finished',
    classes: [{ system: CODE_SYSTEMS.actCode, codes: ['EMER'] }],
    statuses: ['finished'],
    effect: 'start-emergency-follow-up',
  },
  {
    // The emergency visit was recorded in error (often in the wrong patient's chart) or never happened.
    id: 'emergency-visit-withdrawn',
    label: 'emergency visit entered in error or cancelled',
    classes: [{ system: CODE_SYSTEMS.actCode, codes: ['EMER'] }],
    statuses: ['entered-in-error', 'cancelled'],
    effect: 'emergency-visit-withdrawn',
  },
  {
    // HL7v2 ADT^A01: back in hospital, so the follow-up of an earlier emergency visit ends.
    id: 'hospital-admission',
    label: 'inpatient admission',
    classes: [{ system: CODE_SYSTEMS.actCode, codes: ['IMP', 'ACUTE'] }],
    statuses: ['arrived', 'in-progress'],
    effect: 'readmitted',
  },
];

// --- ServiceRequests: the oncology card ---------------------------------------------------------

export interface ReferralRule {
  id: string;
  label: string;
  /** Business identifier systems that name the card (its value becomes the card id). */
  identifierSystems: readonly string[];
  /** Codes in ServiceRequest.code or .category. */
  codes: CodeMatch[];
  profile: DeadlineProfileId;
}

export const referralRules: readonly ReferralRule[] = [
  {
    id: 'dilo-card',
    label: 'DiLO card (Polish fast oncology track)',
    identifierSystems: [CODE_SYSTEMS.diloCardNumber],
    codes: [{ system: CODE_SYSTEMS.carepathOncology, codes: ['dilo-card'] }],
    profile: 'dilo',
  },
  {
    id: 'urgent-suspected-cancer-referral',
    label: 'urgent suspected cancer referral (NHS England)',
    identifierSystems: [],
    codes: [{ system: CODE_SYSTEMS.carepathOncology, codes: ['urgent-suspected-cancer'] }],
    profile: 'nhs-england',
  },
];

/** Referral statuses that end the card: the referral was withdrawn or never valid. */
export const WITHDRAWN_REFERRAL_STATUSES = ['revoked', 'entered-in-error'] as const;

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

// --- Consent: channel opt-in and opt-out --------------------------------------------------------

/** Codes in Consent.provision.code or .action naming a channel. */
export const consentChannelCodes: Record<DeliveryChannel, CodeMatch[]> = {
  sms: [
    { system: CODE_SYSTEMS.contactPointSystem, codes: ['sms'] },
    { system: CODE_SYSTEMS.participationMode, codes: ['SMSWRIT'] },
    { system: CODE_SYSTEMS.carepathChannel, codes: ['sms'] },
  ],
  email: [
    { system: CODE_SYSTEMS.contactPointSystem, codes: ['email'] },
    { system: CODE_SYSTEMS.participationMode, codes: ['EMAILWRIT'] },
    { system: CODE_SYSTEMS.carepathChannel, codes: ['email'] },
  ],
  portal: [
    { system: CODE_SYSTEMS.participationMode, codes: ['ONLINEWRIT'] },
    { system: CODE_SYSTEMS.carepathChannel, codes: ['portal'] },
  ],
  call: [
    { system: CODE_SYSTEMS.contactPointSystem, codes: ['phone'] },
    { system: CODE_SYSTEMS.participationMode, codes: ['PHONE'] },
    { system: CODE_SYSTEMS.carepathChannel, codes: ['call'] },
  ],
  letter: [
    { system: CODE_SYSTEMS.participationMode, codes: ['MAILWRIT'] },
    { system: CODE_SYSTEMS.carepathChannel, codes: ['letter'] },
  ],
};
