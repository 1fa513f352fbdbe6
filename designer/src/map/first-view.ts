import type { MapNode } from './layout-blueprint';

/**
 * How much of the map's width (in layout pixels) the map opens on. Fitting a whole long
 * journey into a laptop-sized frame shrinks its text below reading size; this much fits
 * 1280x800 at a zoom where labels stay legible. The "fit view" control still shows everything.
 */
const FIRST_VIEW_WIDTH = 1500;

/**
 * The nodes the map opens on: the beginning of the journey, or the part around `focusId`
 * (the stage the patient is at) when given.
 */
export function firstViewNodes(nodes: readonly MapNode[], focusId?: string): Array<{ id: string }> {
  if (nodes.length === 0) return [];
  const focus = nodes.find((node) => node.id === focusId);
  const from = focus
    ? centreX(focus) - FIRST_VIEW_WIDTH / 2
    : Math.min(...nodes.map((node) => node.position.x));
  return nodes
    .filter((node) => node.position.x + (node.width ?? 0) > from && node.position.x < from + FIRST_VIEW_WIDTH)
    .map((node) => ({ id: node.id }));
}

function centreX(node: MapNode): number {
  return node.position.x + (node.width ?? 0) / 2;
}
