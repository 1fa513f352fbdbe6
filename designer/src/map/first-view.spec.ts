import { describe, expect, test } from '@jest/globals';
import { firstViewNodes } from './first-view';
import type { MapNode } from './layout-blueprint';

/** A row of nodes 200 wide, 400 apart: a long journey. */
const nodes: MapNode[] = Array.from({ length: 10 }, (_, index) => ({
  id: `node-${index}`,
  type: 'blueprint',
  position: { x: index * 400, y: 0 },
  width: 200,
  height: 60,
  data: { node: { id: `node-${index}`, kind: 'stage', label: `Stage ${index}` }, isStart: index === 0 },
}));

const ids = (view: Array<{ id: string }>) => view.map(({ id }) => id);

describe(firstViewNodes.name, () => {
  test('a long journey opens on its beginning', () => {
    expect(ids(firstViewNodes(nodes))).toEqual(['node-0', 'node-1', 'node-2', 'node-3']);
  });

  test("a patient's map opens around the patient's stage", () => {
    expect(ids(firstViewNodes(nodes, 'node-6'))).toEqual(['node-4', 'node-5', 'node-6', 'node-7', 'node-8']);
  });

  test('a short journey opens whole, and an unknown stage changes nothing', () => {
    expect(ids(firstViewNodes(nodes.slice(0, 3), 'gone'))).toEqual(['node-0', 'node-1', 'node-2']);
  });
});
