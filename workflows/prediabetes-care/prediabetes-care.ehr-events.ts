import type { Condition, Observation, Specimen } from '@medplum/fhirtypes';
import { clinicalTimeOf } from '../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS, codingsOf, findCoding, type CodeMatch } from '../../contracts/ehr/code-systems';
import { parseLiteralReference } from '../../contracts/ehr/fhir-references';
import {
  notMoved,
  type ConditionEventRule,
  type EventReading,
  type EventRule,
  type ObservationEventRule,
} from '../journey-events';
import type { ConditionFacts } from '../journey-starts';
import { DIABETES_CODES } from './prediabetes-care.clinical';
import {
  READING_UNITS,
  type MeasurementSource,
  type ReadingEvent,
  type ReadingMetric,
} from './prediabetes-care.contract';

/*
 * What moves the running prediabetes journey (its start: prediabetes-care.starts.ts): readings and
 * a diabetes diagnosis. One journey per patient: each goes to the patient's one journey.
 *
 * A reading carries what it is (clinical-safety brief; ADA section 2): its code and unit as
 * received, and how it was measured. Only a laboratory value may diagnose; a home or point-of-care
 * meter, a value the patient reported, or one that does not say, monitors. The journey decides on
 * that, never on the code alone, and compares limits in the unit received (no diagnostic value is
 * converted here: converting and rounding moved 47 mmol/mol across the 6.5 % line).
 */

const { loinc, snomed, icd10cm, icd10 } = CODE_SYSTEMS;
const thePatientsJourney = { to: 'instance', params: {} } as const;

/** An accepted unit (UCUM code, or the unit text when the EHR sends no code) and the unit the reading carries. */
interface AcceptedUnit {
  unit: string;
  /** Only for trend values that are never compared with a clinical limit (body weight in pounds). */
  factor?: number;
}

interface Reading {
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
const MONITORING_METHOD_PATTERN =
  /point[- ]of[- ]care|\bpoc\b|glucometer|glucose meter|\bmeter\b|\bhome\b|\bself\b/i;

/** A final result of the patient's is a `reading` event that says what it is. */
function readingRule(reading: Reading): ObservationEventRule {
  return {
    id: reading.id,
    resource: 'Observation',
    label: reading.label,
    description: `A ${reading.label} (${Object.keys(reading.units).join(', ')}) becomes a ${reading.metric} reading.`,
    codes: reading.codes,
    read: (observation) => readReading(observation, reading),
  };
}

const same = (unit: string): AcceptedUnit => ({ unit });
const glucoseUnits = { 'mg/dL': same('mg/dL'), 'mmol/L': same('mmol/L') };

const readingRules: readonly ObservationEventRule[] = [
  readingRule({
    // 4548-4 and 17856-6 report NGSP %, 59261-8 IFCC mmol/mol; the unit received decides the limits.
    id: 'hba1c-result',
    label: 'HbA1c',
    codes: [{ system: loinc, codes: ['4548-4', '17856-6', '59261-8'] }],
    metric: 'hba1c-percent',
    units: { '%': same('%'), 'mmol/mol': same('mmol/mol') },
    measuredBy: 'resource',
  }),
  readingRule({
    id: 'fasting-glucose-result',
    label: 'fasting plasma glucose',
    codes: [{ system: loinc, codes: ['1558-6', '14771-0'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'resource',
  }),
  readingRule({
    id: 'plasma-glucose-result',
    label: 'plasma glucose (fasting not stated)',
    codes: [{ system: loinc, codes: ['2345-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'resource',
    withoutDocumentedFast: 'random-glucose-mg-dl',
  }),
  readingRule({
    // Home and point-of-care logs: the program compares home readings with home readings.
    id: 'home-glucose-reading',
    label: 'glucose in blood (home or point of care)',
    codes: [{ system: loinc, codes: ['2339-0', '41653-7'] }],
    metric: 'fasting-glucose-mg-dl',
    units: glucoseUnits,
    measuredBy: 'monitoring',
  }),
  readingRule({
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
  }),
];

/** The router has checked the result is final and whose it is. */
function readReading(observation: Observation, rule: Reading): EventReading {
  const metric = metricOf(observation, rule);
  const quantity = quantityOf(observation, rule, metric);
  if (typeof quantity === 'string') return notMoved(quantity);
  const source = measuredBy(observation, rule);
  const at = clinicalTimeOf(observation);
  // A laboratory value counts as a sample (confirmation, retest): with no time it cannot be placed.
  if (source === 'laboratory' && !at) {
    return notMoved(`the laboratory ${rule.label} result has no effective time or issued date`);
  }
  const { coding } = findCoding(observation.code, rule.codes)!;
  const event: ReadingEvent = {
    type: 'reading',
    metric,
    value: quantity.value,
    unit: quantity.unit,
    ...(source ? { source } : {}),
    code: `${coding.system}|${coding.code}`,
    ...(at ? { at } : {}),
  };
  return { kind: 'event', event, address: thePatientsJourney };
}

/** LOINC 2345-7 is a fasting glucose only with a documented fast; else a random glucose. */
function metricOf(observation: Observation, rule: Reading): ReadingMetric {
  if (!rule.withoutDocumentedFast) return rule.metric;
  return fastingDocumented(observation) ? rule.metric : rule.withoutDocumentedFast;
}

/** Specimen.collection.fastingStatus = F (HL7 v2-0916) on the Observation's contained specimen. */
function fastingDocumented(observation: Observation): boolean {
  const reference = observation.specimen?.reference;
  if (!reference?.startsWith('#')) return false;
  const specimen = observation.contained?.find(
    (resource): resource is Specimen =>
      resource.resourceType === 'Specimen' && `#${resource.id}` === reference,
  );
  const status = specimen?.collection?.fastingStatusCodeableConcept;
  return codingsOf(status).some(
    (coding) => coding.system === FASTING_STATUS.system && coding.code === FASTING_STATUS.fasting,
  );
}

/**
 * How the value was measured, from the resource itself (clinical-safety brief): the patient as
 * performer means patient-reported; a meter named by the code, method or device means home or
 * point of care; the laboratory category means laboratory. Nothing said: undefined, which the
 * journey reads as a monitoring value.
 */
function measuredBy(observation: Observation, rule: Reading): MeasurementSource | undefined {
  const performers = (observation.performer ?? []).map(
    (performer) => parseLiteralReference(performer.reference)?.resourceType,
  );
  if (performers.includes('Patient') || performers.includes('RelatedPerson')) return 'patient-reported';
  const methodText = [
    observation.method?.text,
    ...codingsOf(observation.method).map((coding) => coding.display),
    observation.device?.display,
  ]
    .filter(Boolean)
    .join(' ');
  const namesMeter = rule.measuredBy === 'monitoring' || MONITORING_METHOD_PATTERN.test(methodText);
  if (namesMeter) return /\bhome\b|\bself\b/i.test(methodText) ? 'home' : 'point-of-care';
  const categories = codingsOf(observation.category)
    .filter((coding) => coding.system === OBSERVATION_CATEGORY_SYSTEM)
    .map((coding) => coding.code);
  if (categories.includes('laboratory')) return 'laboratory';
  return categories.includes('vital-signs') ? 'point-of-care' : undefined;
}

/** The value in the unit received (converted only for trend-only metrics such as weight), or why there is none. */
function quantityOf(
  observation: Observation,
  rule: Reading,
  metric: ReadingMetric,
): { value: number; unit: string } | string {
  const quantity = observation.valueQuantity;
  if (quantity?.value === undefined) return `the ${rule.label} result has no valueQuantity`;
  const received = quantity.code ?? quantity.unit ?? '';
  const accepted = rule.units[received];
  if (!accepted) {
    return `unit "${received || '(none)'}" is not accepted for ${rule.label} (accepted: ${Object.keys(rule.units).join(', ')})`;
  }
  const value = accepted.factor ? oneDecimal(quantity.value * accepted.factor) : quantity.value;
  const bounds = READING_UNITS[metric][accepted.unit];
  if (!bounds || value < bounds.min || value > bounds.max) {
    return `${rule.label} ${value} ${accepted.unit} is outside the plausible range ${bounds?.min}-${bounds?.max} for ${metric}: a unit mix-up or a typo`;
  }
  return { value, unit: accepted.unit };
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Diabetes of any type ends the prevention program (CDC National DPP: no diabetes). */
export const diabetesDiagnosis: ConditionEventRule = {
  id: 'diabetes-diagnosis',
  resource: 'Condition',
  label: 'diabetes mellitus',
  description: 'A diabetes diagnosis of any type (ICD-10 E08-E11, E13; SNOMED CT) ends prediabetes care.',
  codes: [
    { system: icd10cm, codes: DIABETES_CODES.icd10Prefixes, prefix: true },
    { system: icd10, codes: DIABETES_CODES.icd10Prefixes, prefix: true },
    { system: snomed, codes: DIABETES_CODES.snomed },
  ],
  read(_condition: Condition, { refuted }: ConditionFacts): EventReading {
    if (refuted) return notMoved('diabetes was refuted: nothing to tell the prediabetes journey');
    return { kind: 'event', event: { type: 'diabetes-diagnosed' }, address: thePatientsJourney };
  },
};

export const prediabetesCareEvents: readonly EventRule[] = [...readingRules, diabetesDiagnosis];
