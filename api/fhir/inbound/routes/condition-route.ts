import type { Condition } from '@medplum/fhirtypes';
import { ONCOLOGY_FAST_TRACK } from '../../../../workflows/oncology-fast-track/oncology-fast-track.contract';
import { PREDIABETES_CARE } from '../../../../workflows/prediabetes-care/prediabetes-care.contract';
import { startRulesFor } from '../../../../workflows/journey-trigger-list';
import { clinicalTimeOf, toInstant } from '../../../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS, findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf, resourceKey } from '../../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { ACTIVE_CONDITION_STATUSES, conditionRules } from '../routing-rules';
import { oncologyTarget } from './oncology-routes';
import { codeOf, isDefined, noPatient, noRuleFor, references } from './route-helpers';
import { routeExclusionCondition } from './screening-route';
import { startDecision } from './start-decision';

/**
 * Diagnoses: one a journey's start rule selects is read by that rule (prediabetes enrols:
 * prediabetes-care.starts.ts); diabetes exits the program, cancer moves the card.
 */
export function routeCondition(condition: Condition): RoutingDecision {
  const rule = [...startRulesFor('Condition'), ...conditionRules].find((candidate) =>
    findCoding(condition.code, candidate.codes),
  );
  // No organ to screen (Z90.13, Z90.710...): ends the outreach for that screening, screening-route.ts.
  if (!rule) return routeExclusionCondition(condition) ?? noRuleFor('Condition', condition.code);
  const verification = codeOf(condition.verificationStatus, CODE_SYSTEMS.conditionVerification);
  if (verification === 'entered-in-error') return ignore('the condition was entered in error', rule.id);
  const patientId = patientIdOf(condition.subject);
  if (!patientId) return noPatient('Condition.subject', rule.id);
  const refuted = verification === 'refuted';
  const clinical = codeOf(condition.clinicalStatus, CODE_SYSTEMS.conditionClinical);
  if (!refuted && clinical && !(ACTIVE_CONDITION_STATUSES as readonly string[]).includes(clinical)) {
    return ignore(`the condition's clinical status is ${clinical}, not active`, rule.id);
  }
  if (!refuted && verification && verification !== 'confirmed') {
    return ignore(`the condition is ${verification}, not confirmed`, rule.id);
  }
  const at = clinicalTimeOf(condition);
  if ('read' in rule) {
    return startDecision(
      rule,
      rule.read(condition, { refuted, ...(at ? { at } : {}) }),
      patientId,
      condition,
    );
  }
  const self = resourceKey(condition);
  switch (rule.effect.kind) {
    case 'diabetes-diagnosed':
      if (refuted) return ignore('diabetes was refuted: nothing to tell the prediabetes journey', rule.id);
      return {
        kind: 'event',
        rule: rule.id,
        patientId,
        events: { [PREDIABETES_CARE]: { type: 'diabetes-diagnosed' } },
        target: { linkedTo: [], instances: [{ journey: PREDIABETES_CARE, params: {} }] },
      };
    case 'oncology-diagnosis': {
      const evidence = references(condition.evidence?.flatMap((e) => e.detail ?? []));
      if (refuted) {
        // Only the card's own suspected diagnosis rules cancer out: a Condition applied to that
        // card before, or one whose evidence cites its referral or a report applied to it. Any
        // other refuted malignancy (an old problem-list entry) says nothing about this card.
        return {
          kind: 'event',
          rule: rule.id,
          patientId,
          events: { [ONCOLOGY_FAST_TRACK]: { type: 'cancer-ruled-out' } },
          target: { linkedTo: [self, ...evidence].filter(isDefined), instances: [] },
        };
      }
      // The card's date is when the diagnosis was recorded, not the disease onset: an onset
      // before the referral is a valid (pre-existing) diagnosis, and the card places a date
      // before its clock start itself instead of refusing it.
      const recorded = toInstant(condition.recordedDate);
      return {
        kind: 'event',
        rule: rule.id,
        patientId,
        events: {
          [ONCOLOGY_FAST_TRACK]: { type: 'cancer-confirmed', ...(recorded ? { at: recorded } : {}) },
        },
        target: oncologyTarget([self, ...evidence]),
      };
    }
  }
}
