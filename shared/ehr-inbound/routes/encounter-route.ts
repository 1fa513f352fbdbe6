import type { Encounter } from '@medplum/fhirtypes';
import { eventRulesFor, startRulesFor } from '../../../workflows/journey-trigger-list';
import { describeCodings, findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { routeRecord } from './record-route';
import { noPatient } from './route-helpers';
import { startDecision } from './start-decision';

/**
 * An Encounter is read by the journey rule that selects it by its class and status: a start rule
 * (`<journey>.starts.ts`) or an event rule (`<journey>.ehr-events.ts`).
 */
export function routeEncounter(encounter: Encounter): RoutingDecision {
  const classConcept = encounter.class ? { coding: [encounter.class] } : undefined;
  const rules = [
    ...startRulesFor('Encounter').map((rule) => ({
      ...rule,
      decide: (patientId: string) => startDecision(rule, rule.read(encounter), patientId, encounter),
    })),
    ...eventRulesFor('Encounter').map((rule) => ({
      ...rule,
      decide: (patientId: string) => eventDecision(rule, rule.read(encounter), patientId),
    })),
  ].filter((candidate) => findCoding(classConcept, candidate.codes));
  // An Encounter of no rule's class may still be a record a journey reads whole (a preventive visit).
  if (rules.length === 0) {
    return (
      routeRecord(encounter) ??
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
  return rule.decide(patientId);
}
