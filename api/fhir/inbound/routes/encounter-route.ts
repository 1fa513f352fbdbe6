import type { Encounter } from '@medplum/fhirtypes';
import { EMERGENCY_FOLLOW_UP } from '../../../../workflows/emergency-follow-up/emergency-follow-up.contract';
import {
  dispositionPlan,
  UNKNOWN_DISPOSITION,
} from '../../../../workflows/emergency-follow-up/emergency-follow-up.disposition';
import type { JourneyEvent } from '../../../../contracts/journey-contract';
import { toInstant } from '../../../../contracts/ehr/clinical-time';
import { describeCodings, findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { DISCHARGE_DISPOSITION_SYSTEM, encounterRules } from '../routing-rules';
import { targetFromTriggers } from './journey-links';
import { deceasedDecision } from './patient-route';
import { noPatient } from './route-helpers';
import { routeScreeningEncounter } from './screening-route';

/**
 * An emergency discharge starts the follow-up when its disposition calls for one (or, with one
 * running, restarts it for the later visit); died ends every journey; hospice or a transfer
 * starts none and ends a running one. An admission after the discharge ends it as readmitted.
 */
export function routeEncounter(encounter: Encounter): RoutingDecision {
  const classConcept = encounter.class ? { coding: [encounter.class] } : undefined;
  const rules = encounterRules.filter((candidate) => findCoding(classConcept, candidate.classes));
  // A preventive visit (annual wellness) closes the annual-visit outreach: screening-route.ts.
  if (rules.length === 0) {
    return (
      routeScreeningEncounter(encounter) ??
      ignore(`no routing rule takes Encounter class ${describeCodings(classConcept)}`)
    );
  }
  const rule = rules.find((candidate) => candidate.statuses.includes(encounter.status));
  if (!rule) {
    return ignore(
      `Encounter status ${encounter.status} changes nothing (${rules.map((r) => `${r.id}: ${r.statuses.join('/')}`).join('; ')})`,
      rules[0]!.id,
    );
  }
  const patientId = patientIdOf(encounter.subject);
  if (!patientId) return noPatient('Encounter.subject', rule.id);
  if (rule.effect === 'readmitted') {
    // Readmission is dated by the admission itself: the journey refuses one that began before its discharge.
    const at = toInstant(encounter.period?.start);
    if (!at) {
      return ignore(
        'the admission has no period.start: whether it followed the emergency discharge is unknown',
        rule.id,
      );
    }
    return {
      kind: 'event',
      rule: rule.id,
      patientId,
      events: { [EMERGENCY_FOLLOW_UP]: { type: 'readmitted', at } },
      target: targetFromTriggers('Encounter', [EMERGENCY_FOLLOW_UP], {}),
    };
  }
  if (!encounter.id) return ignore('the Encounter has no id: the follow-up is kept per encounter', rule.id);
  if (rule.effect === 'emergency-visit-withdrawn') {
    // The follow-up ends only if this is the visit it follows (the journey checks the encounter id).
    return {
      kind: 'event',
      rule: rule.id,
      patientId,
      events: { [EMERGENCY_FOLLOW_UP]: { type: 'emergency-visit-withdrawn', encounterId: encounter.id } },
      target: {
        ...targetFromTriggers('Encounter', [EMERGENCY_FOLLOW_UP], {}),
        ifNone: 'no running emergency follow-up: nothing to withdraw',
      },
    };
  }
  const dischargedAt = toInstant(encounter.period?.end);
  if (!dischargedAt) return ignore('the finished Encounter has no period.end (the discharge time)', rule.id);
  const coded = encounter.hospitalization?.dischargeDisposition?.coding?.find(
    (coding) => coding.system === DISCHARGE_DISPOSITION_SYSTEM && coding.code,
  )?.code;
  const disposition = coded ?? UNKNOWN_DISPOSITION;
  const { plan, label } = dispositionPlan(coded);
  if (disposition === 'exp') {
    return deceasedDecision(
      patientId,
      rule.id,
      'The patient died in the emergency department (discharge disposition: expired)',
    );
  }
  const visit: JourneyEvent = {
    type: 'emergency-visit',
    encounterId: encounter.id,
    dischargedAt,
    dischargeDisposition: disposition,
  };
  if (plan === 'no-follow-up') {
    // No follow-up starts; a running one (from an earlier visit) hears of it and ends.
    return {
      kind: 'event',
      rule: rule.id,
      patientId,
      events: { [EMERGENCY_FOLLOW_UP]: visit },
      target: {
        ...targetFromTriggers('Encounter', [EMERGENCY_FOLLOW_UP], {}),
        ifNone: `no follow-up: the patient was ${label} (discharge disposition ${disposition})`,
      },
    };
  }
  return {
    kind: 'start',
    rule: rule.id,
    patientId,
    journey: EMERGENCY_FOLLOW_UP,
    params: { encounterId: encounter.id, dischargedAt, dischargeDisposition: disposition },
    whenRunning: visit,
  };
}
