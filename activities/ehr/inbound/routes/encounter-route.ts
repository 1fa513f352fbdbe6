import type { Encounter } from '@medplum/fhirtypes';
import { EMERGENCY_FOLLOW_UP } from '../../../../workflows/emergency-follow-up/emergency-follow-up.contract';
import { toInstant } from '../clinical-time';
import { describeCodings, findCoding } from '../code-systems';
import { patientIdOf } from '../fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { encounterRules } from '../routing-rules';
import { noPatient } from './route-helpers';
import { routeScreeningEncounter } from './screening-route';

/** An emergency discharge starts the follow-up; an admission ends it as readmitted. */
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
    const at = toInstant(encounter.period?.start);
    return {
      kind: 'event',
      rule: rule.id,
      patientId,
      events: { [EMERGENCY_FOLLOW_UP]: { type: 'readmitted', ...(at ? { at } : {}) } },
      target: { linkedTo: [], instances: [], running: { journeys: [EMERGENCY_FOLLOW_UP], pick: 'all' } },
    };
  }
  if (!encounter.id) return ignore('the Encounter has no id: the follow-up is kept per encounter', rule.id);
  const dischargedAt = toInstant(encounter.period?.end);
  if (!dischargedAt) return ignore('the finished Encounter has no period.end (the discharge time)', rule.id);
  return {
    kind: 'start',
    rule: rule.id,
    patientId,
    journey: EMERGENCY_FOLLOW_UP,
    params: { encounterId: encounter.id, dischargedAt },
  };
}
