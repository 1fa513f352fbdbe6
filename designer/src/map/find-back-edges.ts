import type { MergedEdge } from './merge-parallel-edges';

/**
 * The edges that loop back (a reminder returning to its stage, a retry): those that reach a
 * node still being explored in a depth-first walk from the start. Left to ELK, cycles are broken
 * by heuristics that may draw message steps before the timer that sends them; walking from the
 * start keeps the patient's way through the journey pointing forward.
 */
export function findBackEdges(
  start: string,
  nodeIds: readonly string[],
  edges: readonly MergedEdge[],
): Set<string> {
  const outgoing = new Map<string, MergedEdge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);

  const backEdges = new Set<string>();
  const onPath = new Set<string>();
  const visited = new Set<string>();
  const visit = (nodeId: string): void => {
    visited.add(nodeId);
    onPath.add(nodeId);
    for (const edge of outgoing.get(nodeId) ?? []) {
      // A self-loop stays as it is: ELK draws it as a loop on the node's side.
      if (edge.to === nodeId) continue;
      if (onPath.has(edge.to)) backEdges.add(edge.id);
      else if (!visited.has(edge.to)) visit(edge.to);
    }
    onPath.delete(nodeId);
  };
  // Nodes the start does not reach (none in today's blueprints) are walked in blueprint order.
  for (const nodeId of [start, ...nodeIds]) if (!visited.has(nodeId)) visit(nodeId);
  return backEdges;
}
