import { blueprintStages } from '../contracts/blueprint';
import { journeyTypes } from '../workflows/journey-types';

/*
 * The designer draws blueprints as they are, so a dangling edge, an unreachable node or a stage
 * with no way out would show users a broken map. Each journey's scenario tests separately check
 * that every stage the workflow reports is in its blueprint.
 */
describe.each(journeyTypes.map((type) => [type.id, type] as const))('the %s blueprint', (_id, type) => {
  const { blueprint } = type;
  const ids = blueprint.nodes.map((node) => node.id);

  test('node ids are unique, kebab-case, and edges join existing nodes', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const edge of blueprint.edges) {
      expect(ids).toContain(edge.from);
      expect(ids).toContain(edge.to);
    }
  });

  test('every node is reachable from the start, and every non-end node has a way on', () => {
    const reached = new Set([blueprint.start]);
    for (let grew = true; grew;) {
      grew = false;
      for (const edge of blueprint.edges) {
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          grew = true;
        }
      }
    }
    expect(ids.filter((id) => !reached.has(id))).toEqual([]);
    const deadEnds = blueprint.nodes.filter(
      (node) => node.kind !== 'end' && !blueprint.edges.some((edge) => edge.from === node.id),
    );
    expect(deadEnds.map((node) => node.id)).toEqual([]);
  });

  test('it starts at a stage, has an end, and an operator cancel ends in `cancelled`', () => {
    expect(blueprintStages(blueprint)).toContain(blueprint.start);
    expect(blueprint.nodes.filter((node) => node.kind === 'end').length).toBeGreaterThan(0);
    expect(blueprint.nodes.find((node) => node.id === 'cancelled')?.kind).toBe('end');
  });

  test('settings named by nodes exist in the default settings', () => {
    const defaults = type.settingsSchema.parse({}) as Record<string, unknown>;
    for (const node of blueprint.nodes.filter((candidate) => candidate.setting)) {
      const value = node
        .setting!.split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], defaults);
      expect({ node: node.id, setting: node.setting, found: value !== undefined }).toEqual({
        node: node.id,
        setting: node.setting,
        found: true,
      });
    }
  });

  test('events named on edges are events the journey accepts', () => {
    const eventTypes = new Set(
      (
        (type.eventSchema as unknown as { options?: Array<{ shape: { type: { value: string } } }> })
          .options ?? []
      ).map((option) => option.shape.type.value),
    );
    for (const edge of blueprint.edges.filter((candidate) => candidate.event))
      expect(eventTypes).toContain(edge.event);
  });
});
