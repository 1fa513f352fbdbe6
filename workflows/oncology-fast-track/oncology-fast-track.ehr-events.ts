import type { Communication, Condition, DiagnosticReport } from '@medplum/fhirtypes';
import { clinicalTimeOf, toInstant } from '../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS, type CodeMatch } from '../../contracts/ehr/code-systems';
import { referenceKeys, resourceKey } from '../../contracts/ehr/fhir-references';
import type {
  CommunicationEventRule,
  ConditionEventRule,
  DiagnosticReportEventRule,
  EventReading,
  EventRule,
} from '../journey-events';
import type { ConditionFacts } from '../journey-starts';
import type { OncologyFastTrackEvent } from './oncology-fast-track.contract';

/*
 * What moves the card after its referral started it (oncology-fast-track.starts.ts): reports,
 * diagnoses and the patient being told. Each reaches only the card it is linked to (based on its
 * referral, naming a report applied to it, or applied to it before), never "the patient's only
 * running card": a report or diagnosis about another suspected cancer, or about nothing the card
 * asked for, must not confirm, rule out or stage this one (journeys.md: a second cancer is a new card).
 */

const { snomed, icd10cm, icd10, loinc, carepathOncology } = CODE_SYSTEMS;

/** ICD-10 chapter II, C00-C97: malignant neoplasms (in-situ D00-D09 and benign D10+ excluded). */
const MALIGNANT_NEOPLASM: CodeMatch[] = [
  { system: icd10cm, codes: ['C'], prefix: true },
  { system: icd10, codes: ['C'], prefix: true },
  { system: snomed, codes: ['363346000', '254837009'] },
];

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/** A confirmed cancer moves the card on; a refuted one rules cancer out. */
export const cancerDiagnosis: ConditionEventRule = {
  id: 'cancer-diagnosis',
  resource: 'Condition',
  label: 'malignant neoplasm',
  description:
    'A cancer diagnosis whose evidence names a report applied to the card confirms cancer; refuted, it rules cancer out for the card it is linked to.',
  codes: MALIGNANT_NEOPLASM,
  read: readDiagnosis,
};

function readDiagnosis(condition: Condition, { refuted }: ConditionFacts): EventReading {
  const self = resourceKey(condition);
  const evidence = referenceKeys(condition.evidence?.flatMap((e) => e.detail ?? []));
  if (refuted) {
    // Only the card's own suspected diagnosis rules cancer out: a Condition applied to that card
    // before, or one whose evidence cites its referral or a report applied to it. Any other
    // refuted malignancy (an old problem-list entry) says nothing about this card.
    return {
      kind: 'event',
      event: { type: 'cancer-ruled-out' },
      address: { to: 'linked', resources: [self, ...evidence].filter(isDefined) },
    };
  }
  // The card's date is when the diagnosis was recorded, not the disease onset: an onset before
  // the referral is a valid (pre-existing) diagnosis, and the card places a date before its
  // clock start itself instead of refusing it.
  const recorded = toInstant(condition.recordedDate);
  return {
    kind: 'event',
    event: { type: 'cancer-confirmed', ...(recorded ? { at: recorded } : {}) },
    address: { to: 'declared', facts: { ...(self ? { self } : {}), evidence, coded: { code: [] } } },
  };
}

/**
 * A coded conclusion from any report would let, say, a negative infection test close a cancer
 * card, so public codes count only on pathology and imaging reports (v2-0074); Carepath's own
 * codes are explicit enough alone.
 */
const PATHOLOGY_OR_IMAGING: CodeMatch[] = [
  {
    system: CODE_SYSTEMS.diagnosticServiceSection,
    codes: ['SP', 'CP', 'PAT', 'RAD', 'CT', 'MR', 'NMS', 'RUS'],
  },
];

type ReportEvent = Extract<
  OncologyFastTrackEvent['type'],
  'cancer-confirmed' | 'cancer-ruled-out' | 'in-depth-diagnostics-done'
>;

/** A final report based on the card's referral (or applied to it) moves it, dated by the report. */
function reportRule(
  rule: Omit<DiagnosticReportEventRule, 'resource' | 'read'> & { event: ReportEvent },
): DiagnosticReportEventRule {
  const { event, ...declared } = rule;
  return {
    ...declared,
    resource: 'DiagnosticReport',
    read(report: DiagnosticReport): EventReading {
      const at = clinicalTimeOf(report);
      const self = resourceKey(report);
      return {
        kind: 'event',
        event: { type: event, ...(at ? { at } : {}) },
        address: {
          to: 'declared',
          facts: {
            ...(self ? { self } : {}),
            basedOn: referenceKeys(report.basedOn),
            coded: { code: [report.code, ...(report.conclusionCode ?? [])] },
          },
        },
      };
    },
  };
}

export const oncologyReports: readonly DiagnosticReportEventRule[] = [
  reportRule({
    id: 'malignancy-reported',
    label: 'pathology or imaging reports a malignancy',
    description: 'A pathology or imaging report concluding a malignancy confirms cancer.',
    on: 'conclusionCode',
    codes: [
      { system: snomed, codes: ['363346000', '254837009'] },
      { system: icd10cm, codes: ['C'], prefix: true },
      { system: icd10, codes: ['C'], prefix: true },
    ],
    categories: PATHOLOGY_OR_IMAGING,
    event: 'cancer-confirmed',
  }),
  reportRule({
    id: 'malignancy-confirmed',
    label: 'report concludes: malignancy confirmed',
    description: 'A report concluding (Carepath code) malignancy confirmed confirms cancer.',
    on: 'conclusionCode',
    codes: [{ system: carepathOncology, codes: ['malignancy-confirmed'] }],
    event: 'cancer-confirmed',
  }),
  reportRule({
    id: 'malignancy-ruled-out',
    label: 'report concludes: malignancy ruled out',
    description: 'A report concluding (Carepath code) malignancy ruled out rules cancer out.',
    on: 'conclusionCode',
    codes: [{ system: carepathOncology, codes: ['malignancy-ruled-out'] }],
    event: 'cancer-ruled-out',
  }),
  reportRule({
    // LOINC 21908-9 / 21902-2: clinical / pathological stage group: staging ends in-depth diagnostics.
    id: 'cancer-staging',
    label: 'cancer staging report',
    description: 'A staging report (LOINC stage group) ends in-depth diagnostics.',
    on: 'code',
    codes: [
      { system: loinc, codes: ['21908-9', '21902-2'] },
      { system: carepathOncology, codes: ['staging-complete'] },
    ],
    event: 'in-depth-diagnostics-done',
  }),
];

/**
 * A Communication (topic, reasonCode or category) saying the patient was told of a diagnosis or
 * that cancer is ruled out: the NHS Faster Diagnosis Standard stops on its `sent` date (CWT
 * v12.1), not on a report's issue date. Only a Communication linked to the card (basedOn, partOf
 * or about its referral or a report applied to it) counts.
 */
export const patientInformed: CommunicationEventRule = {
  id: 'patient-informed',
  resource: 'Communication',
  label: 'patient told of the outcome',
  description:
    'A completed Communication saying the patient was told the outcome stops the Faster Diagnosis Standard on its sent date, for the card it is linked to.',
  codes: [{ system: carepathOncology, codes: ['patient-informed-of-outcome'] }],
  read(communication: Communication): EventReading {
    if (communication.status !== 'completed') {
      return {
        kind: 'ignore',
        reason: `status ${communication.status}: only a completed Communication says the patient was told`,
      };
    }
    const at = toInstant(communication.sent);
    const linked = [
      resourceKey(communication),
      ...referenceKeys(communication.basedOn),
      ...referenceKeys(communication.partOf),
      ...referenceKeys(communication.about),
    ];
    return {
      kind: 'event',
      event: { type: 'patient-informed', ...(at ? { at } : {}) },
      address: { to: 'linked', resources: linked.filter(isDefined) },
    };
  },
};

export const oncologyFastTrackEvents: readonly EventRule[] = [
  cancerDiagnosis,
  ...oncologyReports,
  patientInformed,
];
