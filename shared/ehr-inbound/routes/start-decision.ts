import type { Resource } from '@medplum/fhirtypes';
import { resourceKey } from '../../../contracts/ehr/fhir-references';
import type { DeclaredStart } from '../../../workflows/journey-trigger-list';
import type { StartReading } from '../../../workflows/journey-starts';
import { ignore, type RoutingDecision } from '../routing-decision';
import { targetFromTriggers } from './journey-links';
import { deceasedDecision } from './patient-route';
import { isDefined } from './route-helpers';

/*
 * Which resources start which journey is each journey's declaration (`<journey>.starts.ts`, read
 * through startRulesFor); the routes pick a rule by its codes, check the patient, and turn the
 * rule's reading into a decision here. No journey is named in the API.
 */
export function startDecision(
  start: DeclaredStart,
  reading: StartReading,
  patientId: string,
  resource: Resource,
): RoutingDecision {
  const { journey, id: rule } = start;
  switch (reading.kind) {
    case 'ignore':
      return ignore(reading.reason, rule);
    case 'start':
      return {
        kind: 'start',
        rule,
        patientId,
        journey,
        params: reading.params,
        ...(reading.whenRunning ? { whenRunning: reading.whenRunning } : {}),
      };
    case 'tell-running':
      return {
        kind: 'event',
        rule,
        patientId,
        events: { [journey]: reading.event },
        target: { ...targetFromTriggers(start.resource, [journey], {}), ifNone: reading.ifNone },
      };
    case 'withdrawn':
      // Only the journey this very resource started ends.
      return {
        kind: 'cancel',
        rule,
        patientId,
        journeys: [journey],
        reason: reading.reason,
        target: { linkedTo: [resourceKey(resource)].filter(isDefined), instances: [] },
      };
    case 'patient-died':
      return deceasedDecision(patientId, rule, reading.reason);
  }
}
