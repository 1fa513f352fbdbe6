import { journeyTriggerList } from '../../../workflows/journey-trigger-list';
import {
  eventTriggerOf,
  type CodedField,
  type EventTrigger,
  type JourneyTriggers,
  type LinkFacts,
  type TriggerResource,
} from '../../../workflows/journey-triggers';
import { describeCodings, findCoding, type CodeMatch } from '../../../contracts/ehr/code-systems';
import type { JourneyTarget } from '../routing-decision';

/** The journeys that take events from `resource`, with their declaration. */
export function journeysTaking(
  resource: TriggerResource,
): Array<{ triggers: JourneyTriggers; take: EventTrigger }> {
  return journeyTriggerList().flatMap((triggers) => {
    const take = eventTriggerOf(triggers, resource);
    return take ? [{ triggers, take }] : [];
  });
}

/**
 * The target of an event for `journeys`, from each one's declared links: nothing else. A journey
 * that declares no link the resource meets is not targeted at all.
 */
export function targetFromTriggers(
  resource: TriggerResource,
  journeys: readonly string[],
  facts: LinkFacts,
): JourneyTarget {
  const linkedTo = new Set<string>();
  const instances: JourneyTarget['instances'] = [];
  const running = new Set<string>();
  const programValueSets: NonNullable<JourneyTarget['programValueSets']> = [];
  let declaredMatch = false;
  const concepts = (fields: readonly CodedField[]) => fields.flatMap((field) => facts.coded?.[field] ?? []);

  for (const journey of journeys) {
    const triggers = journeyTriggerList().find((candidate) => candidate.journey === journey);
    const take = triggers && eventTriggerOf(triggers, resource);
    if (!triggers || !take) throw new Error(`${journey} declares no ${resource} trigger`);
    for (const link of take.links) {
      switch (link.kind) {
        case 'resource':
          if (link.via.includes('self') && facts.self) linkedTo.add(facts.self);
          if (link.via.includes('basedOn')) facts.basedOn?.forEach((key) => linkedTo.add(key));
          if (link.via.includes('evidence')) facts.evidence?.forEach((key) => linkedTo.add(key));
          break;
        case 'instance': {
          const value = Object.keys(link.values).find((candidate) =>
            findCoding(concepts(link.fields), link.values[candidate] as readonly CodeMatch[]),
          );
          if (value !== undefined) {
            instances.push({ journey, params: { [link.param]: value } });
            declaredMatch = true;
          }
          break;
        }
        case 'value-set': {
          const valueSet = triggers.valueSets[link.valueSet];
          if (!valueSet) throw new Error(`${journey} names an undeclared value set ${link.valueSet}`);
          if (findCoding(concepts(link.fields), valueSet.codes as readonly CodeMatch[])) {
            running.add(journey);
            declaredMatch = true;
          }
          if (link.setting) {
            programValueSets.push({ journey, setting: link.setting, concepts: [...concepts(link.fields)] });
          }
          break;
        }
        case 'instance-id': {
          const id = facts.self?.split('/')[1];
          // Only a journey started for this very resource matches: no reason to wait for one.
          if (id) instances.push({ journey, params: { [link.param]: id }, exact: true });
          break;
        }
        case 'patient':
          running.add(journey);
          declaredMatch = true;
          break;
      }
    }
  }
  const references = [...linkedTo].filter((key) => key !== facts.self);
  const target: JourneyTarget = {
    linkedTo: [...linkedTo],
    instances,
    ...(running.size ? { running: { journeys: [...running] } } : {}),
    ...(programValueSets.length ? { programValueSets } : {}),
  };
  if (!declaredMatch && references.length === 0) {
    const codes = describeCodings(Object.values(facts.coded ?? {}).flat());
    target.ifNone =
      `${resource} coded ${codes} is linked to no journey: no journey was started for it or asked for it, ` +
      `and no code is in a value set ${journeys.join(', ')} declare${journeys.length === 1 ? 's' : ''}`;
  }
  return target;
}
