import { CODE_SYSTEMS } from '../contracts/ehr/code-systems';
import { journeyTriggerList } from './journey-trigger-list';
import { TRIGGER_SYSTEMS } from './journey-triggers';
import { journeyTypes } from './journey-types';

/* The declarations the EHR router reads: one per journey type, naming only what each journey accepts. */
describe('journey triggers', () => {
  test('every journey type declares its triggers, once, and every declaration is a journey type', () => {
    expect(
      journeyTriggerList()
        .map((triggers) => triggers.journey)
        .sort(),
    ).toEqual(journeyTypes.map((type) => type.id).sort());
  });

  test.each(journeyTriggerList().map((triggers) => [triggers.journey, triggers] as const))(
    '%s takes only events its contract accepts, names only value sets it declares, and says what closes it',
    (_journey, triggers) => {
      const type = journeyTypes.find((candidate) => candidate.id === triggers.journey)!;
      const accepted = new Set(
        (type.eventSchema.toJSONSchema().oneOf ?? type.eventSchema.toJSONSchema().anyOf ?? []).map(
          (option) => (option as { properties: { type: { const: string } } }).properties.type.const,
        ),
      );
      for (const take of triggers.takes) {
        for (const event of Object.values(take.events)) expect(accepted).toContain(event);
        for (const event of take.dated ?? []) expect(Object.values(take.events)).toContain(event);
        for (const link of take.links) {
          if (link.kind === 'value-set') expect(Object.keys(triggers.valueSets)).toContain(link.valueSet);
        }
      }
      expect(triggers.closes.length).toBeGreaterThan(0);
    },
  );

  test('start and event rules have ids no other rule has, and select their resource by at least one code', () => {
    const rules = journeyTriggerList().flatMap((triggers) => [...triggers.starts, ...triggers.events]);
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) expect(rule.codes.flatMap((match) => match.codes).length).toBeGreaterThan(0);
  });

  test('declarations spell code systems as the router does', () => {
    const routerSystems = new Set(Object.values(CODE_SYSTEMS).flat());
    for (const system of [TRIGGER_SYSTEMS.snomed, TRIGGER_SYSTEMS.cpt, TRIGGER_SYSTEMS.actCode]) {
      expect(routerSystems).toContain(system);
    }
  });
});
