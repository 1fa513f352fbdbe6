import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import { loadElk } from '../map/load-elk';
import { edgesOf, type Position } from './definition-edits';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 96;

/**
 * Positions for the nodes the draft has none for (a copy of a coded journey, a new skeleton), by
 * ELK's layered layout, left to right from the start. Drawn positions are never replaced: a node
 * the designer moved stays where it was put.
 */
export async function layoutUnplaced(definition: JourneyDefinition): Promise<Map<string, Position>> {
  const unplaced = definition.nodes.filter((node) => !node.position);
  if (unplaced.length === 0) return new Map();
  const ids = new Set(definition.nodes.map((node) => node.id));
  const elk = await loadElk();
  const graph = await elk.layout({
    id: 'definition',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '40',
    },
    children: definition.nodes.map((node) => ({
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      ...(node.id === definition.start
        ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } }
        : {}),
    })),
    edges: definition.nodes.flatMap((node) =>
      edgesOf(node)
        .filter((edge) => ids.has(edge.target))
        .map((edge, index) => ({ id: `${node.id}-${index}`, sources: [node.id], targets: [edge.target] })),
    ),
  });
  const placed = new Map(
    (graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
  return new Map(unplaced.map((node) => [node.id, placed.get(node.id) ?? { x: 0, y: 0 }]));
}

/** Where a node added from the palette goes: below everything drawn, so it never hides a node. */
export function freePosition(
  definition: JourneyDefinition,
  laidOut: ReadonlyMap<string, Position>,
): Position {
  const positions = definition.nodes.map((node) => node.position ?? laidOut.get(node.id) ?? { x: 0, y: 0 });
  const lowest = Math.max(0, ...positions.map((position) => position.y + NODE_HEIGHT));
  return { x: 40 + (definition.nodes.length % 3) * (NODE_WIDTH + 40), y: lowest + 60 };
}
