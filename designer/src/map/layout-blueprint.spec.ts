import { beforeAll, describe, expect, test } from '@jest/globals';
import { type BlueprintLayout, layoutBlueprint } from './layout-blueprint';
import { preventiveOutreachBlueprint } from './preventive-outreach.test-support';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe(layoutBlueprint.name, () => {
  // One layout serves the tests that only read it: ELK takes a moment in a cold process.
  let layout: BlueprintLayout;
  beforeAll(async () => {
    layout = await layoutBlueprint(preventiveOutreachBlueprint);
  });

  test('every node gets a position and a size, once, with one marker for the shared exits', () => {
    expect(layout.nodes.map((node) => node.id).sort()).toEqual(
      [
        ...preventiveOutreachBlueprint.nodes.map((node) => node.id),
        'from-any:booked+outreach+rebooking',
      ].sort(),
    );
    for (const node of layout.nodes) {
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
      expect(node.width).toBeGreaterThan(0);
      expect(node.height).toBeGreaterThan(0);
    }
  });

  test('no two nodes overlap, and no edge label covers a node', () => {
    const nodeBoxes = layout.nodes.map((node) => ({
      ...node.position,
      width: node.width!,
      height: node.height!,
    }));
    nodeBoxes.forEach((box, index) => {
      for (const other of nodeBoxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    });
    for (const edge of layout.edges) {
      const label = edge.data?.label;
      if (label) for (const box of nodeBoxes) expect(overlaps(label, box)).toBe(false);
    }
  });

  test('the start stage is in the first column, as the journey reads left to right', () => {
    const centreX = (node: (typeof layout.nodes)[number]) => node.position.x + node.width! / 2;
    const start = layout.nodes.find((node) => node.id === 'outreach')!;
    expect(start.data.isStart).toBe(true);
    for (const node of layout.nodes)
      if (node.type === 'blueprint') expect(centreX(node)).toBeGreaterThanOrEqual(centreX(start));
  });

  test('nodes come in reading order, the order Tab visits them', () => {
    const xs = layout.nodes.map((node) => node.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  test('parallel edges become one arrow whose label names each way', () => {
    const toBooked = layout.edges.filter((edge) => edge.source === 'booked' && edge.target === 'rebooking');
    expect(toBooked).toHaveLength(1);
    expect(toBooked[0]!.data?.label?.text).toBe('no-show or cancelled after a no-show');
  });

  test('ways out every open stage shares are drawn once, from one "from any open stage" marker', async () => {
    // The trimmed blueprint lacks two of rebooking's ways out: with them, all three stages share four.
    const withAllExits = {
      ...preventiveOutreachBlueprint,
      edges: [
        ...preventiveOutreachBlueprint.edges,
        { from: 'rebooking', to: 'declined', label: 'patient declines', event: 'declined' },
        { from: 'rebooking', to: 'cancelled', label: 'operator cancels' },
      ],
    };
    const { nodes, edges } = await layoutBlueprint(withAllExits);
    const marker = nodes.find((node) => node.type === 'shared-exit')!;
    expect(marker.data).toEqual({
      label: 'From any open stage',
      sourceLabels: ['Outreach', 'Appointment booked', 'Rebooking after a no-show'],
    });
    const fromMarker = edges.filter((edge) => edge.source === marker.id);
    expect(fromMarker.map((edge) => [edge.target, edge.data?.label?.text])).toEqual([
      ['completed', 'attended or done elsewhere'],
      ['declined', 'patient declines'],
      ['cancelled', 'operator cancels'],
    ]);
    expect(fromMarker[2]!.ariaLabel).toBe(
      'From any open stage to Cancelled by an operator: operator cancels',
    );
    expect(edges.filter((edge) => edge.data?.label?.text === 'operator cancels')).toHaveLength(1);
    // The stages keep no arrow of their own to those ends.
    expect(edges.some((edge) => edge.source === 'booked' && edge.target === 'declined')).toBe(false);
  });

  test('every label of the blueprint is kept, and every arrow has a route', () => {
    const drawnLabels = layout.edges.map((edge) => edge.data?.label?.text ?? '').join(' | ');
    for (const { label } of preventiveOutreachBlueprint.edges)
      if (label) expect(drawnLabels).toContain(label);
    for (const edge of layout.edges) expect(edge.data?.route.length).toBeGreaterThanOrEqual(2);
  });

  test('an arrow that loops back still points from its source to its target', () => {
    const source = layout.nodes.find((node) => node.id === 'outreach-message')!;
    const target = layout.nodes.find((node) => node.id === 'outreach-cadence')!;
    const route = layout.edges.find((edge) => edge.id === 'outreach-message->outreach-cadence')!.data!.route;
    const touches = (point: { x: number; y: number }, node: typeof source) =>
      point.x >= node.position.x - 1 &&
      point.x <= node.position.x + node.width! + 1 &&
      point.y >= node.position.y - 1 &&
      point.y <= node.position.y + node.height! + 1;
    expect(touches(route[0]!, source)).toBe(true);
    expect(touches(route.at(-1)!, target)).toBe(true);
  });

  test('stages make room for patient counts when the map shows them', async () => {
    const withCounts = await layoutBlueprint(preventiveOutreachBlueprint, { withCounts: true });
    const heightOf = ({ nodes }: BlueprintLayout, id: string) =>
      nodes.find((node) => node.id === id)!.height!;
    expect(heightOf(withCounts, 'booked')).toBeGreaterThan(heightOf(layout, 'booked'));
    expect(heightOf(withCounts, 'outreach-cadence')).toBe(heightOf(layout, 'outreach-cadence'));
  });

  test('an edge to a node the blueprint does not have fails the layout', async () => {
    const broken = {
      ...preventiveOutreachBlueprint,
      edges: [...preventiveOutreachBlueprint.edges, { from: 'outreach', to: 'nowhere' }],
    };
    await expect(layoutBlueprint(broken)).rejects.toBeDefined();
  });
});
