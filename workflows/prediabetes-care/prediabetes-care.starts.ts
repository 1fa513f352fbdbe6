import type { Condition } from '@medplum/fhirtypes';
import { CODE_SYSTEMS, findCoding } from '../../contracts/ehr/code-systems';
import {
  notStarted,
  type ConditionFacts,
  type ConditionStartRule,
  type StartReading,
} from '../journey-starts';

const { icd10cm, snomed } = CODE_SYSTEMS;

/** The entry code the journey keeps, by the system the diagnosis came in. */
const ENTRY_CODES: Readonly<Record<string, '714628002' | 'R73.03'>> = {
  [icd10cm]: 'R73.03',
  [snomed]: '714628002',
};

/**
 * A prediabetes diagnosis (ICD-10-CM R73.03, SNOMED CT 714628002), present and not refuted,
 * enrols the patient; the journey keeps the code it came with as its entry. One journey per
 * patient: with one running, nothing more starts (the journey starter says so).
 */
export const prediabetesDiagnosis: ConditionStartRule = {
  id: 'prediabetes-diagnosis',
  resource: 'Condition',
  label: 'prediabetes',
  codes: [
    { system: icd10cm, codes: ['R73.03'] },
    { system: snomed, codes: ['714628002'] },
  ],
  description: 'A prediabetes diagnosis.',
  read: readDiagnosis,
};

function readDiagnosis(condition: Condition, { refuted, at }: ConditionFacts): StartReading {
  if (refuted) return notStarted('prediabetes was refuted: nothing to enrol');
  const matched = findCoding(condition.code, prediabetesDiagnosis.codes)!;
  return {
    kind: 'start',
    params: { entry: { kind: 'condition', code: ENTRY_CODES[matched.match.system], ...(at ? { at } : {}) } },
  };
}
