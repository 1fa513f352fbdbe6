import type { BlueprintEdge } from './blueprint-types';

/** Every way from one node to another, drawn as one arrow. */
export interface MergedEdge {
  id: string;
  from: string;
  to: string;
  /** The distinct labels of the merged edges, joined; undefined when none has one. */
  label?: string;
}

/**
 * Blueprints list one edge per event or condition, so several often join the same two nodes
 * (`attended` and `done elsewhere` both lead to `completed`). Drawn apart they stack on top of
 * each other; one arrow whose label names every alternative reads better.
 */
export function mergeParallelEdges(edges: readonly BlueprintEdge[]): MergedEdge[] {
  const labelsByPair = new Map<string, { from: string; to: string; labels: Set<string> }>();
  for (const edge of edges) {
    const id = `${edge.from}->${edge.to}`;
    const pair = labelsByPair.get(id) ?? { from: edge.from, to: edge.to, labels: new Set<string>() };
    const label = edge.label ?? edge.event;
    if (label) pair.labels.add(label);
    labelsByPair.set(id, pair);
  }
  return [...labelsByPair].map(([id, { from, to, labels }]) => ({
    id,
    from,
    to,
    label: labels.size > 0 ? [...labels].join(' or ') : undefined,
  }));
}
