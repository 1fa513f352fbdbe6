import { describe, expect, test } from '@jest/globals';
import screeningBooking from '../../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../../contracts/journey-definitions/definition-schema';
import { freePosition, layoutUnplaced, NODE_HEIGHT } from './auto-layout';

const example = (): JourneyDefinition =>
  journeyDefinitionSchema.parse(JSON.parse(JSON.stringify(screeningBooking)));

describe(layoutUnplaced.name, () => {
  test('places every node a copy has no position for, left to right from the start', async () => {
    const positions = await layoutUnplaced(example());
    expect([...positions.keys()].sort()).toEqual(
      example()
        .nodes.map((node) => node.id)
        .sort(),
    );
    const x = (id: string) => positions.get(id)!.x;
    expect(x('invite')).toBeLessThan(x('wait-booking'));
    expect(x('wait-booking')).toBeLessThan(x('booked-yet'));
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(positions.size);
  }, 20_000);

  test('never moves a node the designer placed, and lays out nothing when all are placed', async () => {
    const definition = example();
    definition.nodes[0]!.position = { x: 999, y: 999 };
    const positions = await layoutUnplaced(definition);
    expect(positions.has(definition.nodes[0]!.id)).toBe(false);
    expect(positions.size).toBe(definition.nodes.length - 1);
    for (const node of definition.nodes) node.position = { x: 0, y: 0 };
    expect((await layoutUnplaced(definition)).size).toBe(0);
  }, 20_000);
});

describe(freePosition.name, () => {
  test('puts a new node below everything drawn', () => {
    const definition = example();
    definition.nodes.forEach((node, index) => (node.position = { x: 0, y: index * 100 }));
    const lowest = (definition.nodes.length - 1) * 100 + NODE_HEIGHT;
    expect(freePosition(definition, new Map()).y).toBeGreaterThan(lowest);
  });
});
