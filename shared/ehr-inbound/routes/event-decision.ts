import type { DeclaredEvent } from '../../../workflows/journey-trigger-list';
import type { EventAddress, EventReading } from '../../../workflows/journey-events';
import { ignore, type JourneyTarget, type RoutingDecision } from '../routing-decision';
import { targetFromTriggers } from './journey-links';

/*
 * What moves a running journey is each journey's declaration (`<journey>.ehr-events.ts`, read
 * through eventRulesFor); the routes pick a rule by its codes, check what every rule of the
 * resource type checks alike, and turn the rule's reading into a decision here. No journey is
 * named in the API.
 */
export function eventDecision(
  rule: DeclaredEvent,
  reading: EventReading,
  patientId: string,
): RoutingDecision {
  if (reading.kind === 'ignore') return ignore(reading.reason, rule.id);
  return {
    kind: 'event',
    rule: rule.id,
    patientId,
    events: { [rule.journey]: reading.event },
    target: targetOf(rule, reading.address),
  };
}

function targetOf(rule: DeclaredEvent, address: EventAddress): JourneyTarget {
  switch (address.to) {
    case 'instance':
      return { linkedTo: [], instances: [{ journey: rule.journey, params: { ...address.params } }] };
    case 'linked':
      return { linkedTo: [...address.resources], instances: [] };
    case 'declared': {
      // A record rule's reading names an instance or links (RecordReading): never declared links.
      if (rule.resource === 'record')
        throw new Error(`${rule.id}: a record rule cannot address declared links`);
      const target = targetFromTriggers(rule.resource, [rule.journey], address.facts);
      return address.ifNone ? { ...target, ifNone: address.ifNone } : target;
    }
  }
}
