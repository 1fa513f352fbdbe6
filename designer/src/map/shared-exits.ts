import type { BlueprintEdge, BlueprintNode } from './blueprint-types';

/**
 * Ways out that many stages share ("operator cancels", "patient declines") are one edge per
 * stage in a blueprint, true to the workflow. Drawn so, N arrows cross the whole map to one end.
 * The map draws them once, from a "from any stage" marker: one marker per set of stages, with
 * one arrow per way out.
 */
export interface SharedExit {
  /** The marker's node id. */
  id: string;
  /** What the marker says: "From any open stage", or how many stages it stands for. */
  label: string;
  /** The stages it stands for, by their labels: its tooltip and accessible name list them. */
  sourceLabels: string[];
  /** One edge per way out, from the marker. */
  edges: BlueprintEdge[];
}

/** At least this many stages sharing a way out make it a shared exit. */
const MIN_SHARED_SOURCES = 3;

export function findSharedExits(
  nodes: readonly BlueprintNode[],
  edges: readonly BlueprintEdge[],
): { exits: SharedExit[]; otherEdges: BlueprintEdge[] } {
  const sourcesByWay = new Map<string, Set<string>>();
  for (const edge of edges) {
    const way = wayKey(edge);
    sourcesByWay.set(way, (sourcesByWay.get(way) ?? new Set<string>()).add(edge.from));
  }
  const shared = new Map<string, { sources: string[]; edges: BlueprintEdge[] }>();
  const otherEdges: BlueprintEdge[] = [];
  for (const edge of edges) {
    const sources = [...(sourcesByWay.get(wayKey(edge)) ?? [])];
    if (sources.length < MIN_SHARED_SOURCES) {
      otherEdges.push(edge);
      continue;
    }
    const exitId = `from-any:${[...sources].sort().join('+')}`;
    const exit = shared.get(exitId) ?? { sources, edges: [] };
    if (edge.from === sources[0]) exit.edges.push({ ...edge, from: exitId });
    shared.set(exitId, exit);
  }

  const openStages = nodes.filter((node) => node.kind === 'stage').map((node) => node.id);
  const labelOf = new Map(nodes.map((node) => [node.id, node.label]));
  const exits = [...shared].map(([id, { sources, edges: exitEdges }]) => ({
    id,
    label: coversAll(sources, openStages) ? 'From any open stage' : `From any of ${sources.length} stages`,
    sourceLabels: sources.map((source) => labelOf.get(source) ?? source),
    edges: exitEdges,
  }));
  return { exits, otherEdges };
}

function wayKey(edge: BlueprintEdge): string {
  return `${edge.to}\u0000${edge.label ?? edge.event ?? ''}`;
}

function coversAll(sources: readonly string[], stages: readonly string[]): boolean {
  return stages.length === sources.length && stages.every((stage) => sources.includes(stage));
}
