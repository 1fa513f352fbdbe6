import type { Encounter } from '@medplum/fhirtypes';
import { EMERGENCY_FOLLOW_UP } from '../../../../workflows/emergency-follow-up/emergency-follow-up.contract';
import { startRulesFor } from '../../../../workflows/journey-trigger-list';
import { toInstant } from '../../../../contracts/ehr/clinical-time';
import { describeCodings, findCoding } from '../../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { encounterRules } from '../routing-rules';
import { targetFromTriggers } from './journey-links';
import { noPatient } from './route-helpers';
import { routeScreeningEncounter } from './screening-route';
import { startDecision } from './start-decision';

/**
 * An Encounter that a journey's start rule selects (an emergency discharge: emergency-follow-up.starts.ts)
 * is read by that rule; an emergency visit withdrawn goes to the follow-up it started; an
 * admission after the discharge ends it as readmitted.
 */
export function routeEncounter(encounter: Encounter): RoutingDecision {
  const classConcept = encounter.class ? { coding: [encounter.class] } : undefined;
  const rules = [...startRulesFor('Encounter'), ...encounterRules].filter((candidate) =>
    findCoding(classConcept, candidate.codes),
  );
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
  if ('read' in rule) return startDecision(rule, rule.read(encounter), patientId, encounter);
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
