import type { Edge, Node, XYPosition } from '@xyflow/react';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Blueprint, BlueprintNode } from './blueprint-types';
import { estimateEdgeLabelSize, estimateNodeSize } from './estimate-size';
import { findBackEdges } from './find-back-edges';
import { loadElk } from './load-elk';
import { type MergedEdge, mergeParallelEdges } from './merge-parallel-edges';
import { findSharedExits, type SharedExit } from './shared-exits';

export interface MapNodeData extends Record<string, unknown> {
  node: BlueprintNode;
  isStart: boolean;
}
export type MapNode = Node<MapNodeData, 'blueprint'>;

/** A "from any stage" marker: where the ways out many stages share start (see shared-exits.ts). */
export interface SharedExitData extends Record<string, unknown> {
  label: string;
  sourceLabels: string[];
}
export type SharedExitNode = Node<SharedExitData, 'shared-exit'>;

export interface EdgeLabelBox extends XYPosition {
  text: string;
  width: number;
  height: number;
}
export interface MapEdgeData extends Record<string, unknown> {
  /** ELK's orthogonal route, from the source's border to the target's. */
  route: XYPosition[];
  label?: EdgeLabelBox;
}
export type MapEdge = Edge<MapEdgeData, 'routed'>;

export interface BlueprintLayout {
  /** In reading order, left to right then top to bottom: the order Tab visits them. */
  nodes: Array<MapNode | SharedExitNode>;
  edges: MapEdge[];
}

/** What stages show besides their labels, so their boxes are sized to hold it. */
export interface LayoutOptions {
  /** Patient counts on every stage and end. */
  withCounts: boolean;
  /** The stage marked "Patient is here". */
  patientStage?: string;
}

/*
 * Left to right: journeys read as a timeline, and a laptop's map is wider than tall (measured
 * on the real blueprints, RIGHT fits them at a larger zoom than DOWN). Edge labels are laid out
 * by ELK as boxes of their own, so no label sits on a node or on another label.
 */
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.spacing.nodeNodeBetweenLayers': '30',
  'elk.spacing.nodeNode': '20',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '6',
  'elk.spacing.edgeLabel': '2',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
  'elk.edgeLabels.placement': 'CENTER',
};

export async function layoutBlueprint(
  blueprint: Blueprint,
  options: LayoutOptions = { withCounts: false },
): Promise<BlueprintLayout> {
  const { exits, otherEdges } = findSharedExits(blueprint.nodes, blueprint.edges);
  const edges = mergeParallelEdges([...otherEdges, ...exits.flatMap((exit) => exit.edges)]);
  const backEdges = findBackEdges(
    blueprint.start,
    [...blueprint.nodes, ...exits].map((node) => node.id),
    edges,
  );
  const elk = await loadElk();
  const graph = await elk.layout({
    id: 'blueprint',
    layoutOptions: LAYOUT_OPTIONS,
    children: [
      ...blueprint.nodes.map((node) => elkNode(node, blueprint.start, options)),
      ...exits.map(elkExitNode),
    ],
    edges: edges.map((edge) => elkEdge(edge, backEdges.has(edge.id))),
  });

  const placedById = new Map((graph.children ?? []).map((placed) => [placed.id, placed]));
  const routedById = new Map((graph.edges ?? []).map((routed) => [routed.id, routed]));
  const labelOf = new Map([
    ...blueprint.nodes.map((node): [string, string] => [node.id, node.label]),
    ...exits.map((exit): [string, string] => [exit.id, exit.label]),
  ]);
  return {
    nodes: [
      ...blueprint.nodes.map((node) => mapNode(node, blueprint.start, placedById.get(node.id))),
      ...exits.map((exit) => sharedExitNode(exit, placedById.get(exit.id))),
    ].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y),
    edges: edges.map((edge) => ({
      id: edge.id,
      type: 'routed',
      source: edge.from,
      target: edge.to,
      ariaLabel: `${labelOf.get(edge.from)} to ${labelOf.get(edge.to)}${edge.label ? `: ${edge.label}` : ''}`,
      data: routedData(routedById.get(edge.id), backEdges.has(edge.id)),
    })),
  };
}

function elkNode(node: BlueprintNode, start: string, options: LayoutOptions): ElkNode {
  return {
    id: node.id,
    ...estimateNodeSize(node, {
      withCounts: options.withCounts,
      isPatientHere: node.id === options.patientStage,
    }),
    // The journey's way in is where a reader starts, whatever loops lead back to it.
    layoutOptions: node.id === start ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : undefined,
  };
}

function elkExitNode(exit: SharedExit): ElkNode {
  return {
    id: exit.id,
    ...estimateNodeSize({ id: exit.id, kind: 'stage', label: exit.label }, NO_STATUS),
  };
}

const NO_STATUS = { withCounts: false, isPatientHere: false };

/** ELK gets a graph without cycles: a back edge is laid out forward, and its route reversed after. */
function elkEdge(edge: MergedEdge, isBackEdge: boolean): ElkExtendedEdge {
  return {
    id: edge.id,
    sources: [isBackEdge ? edge.to : edge.from],
    targets: [isBackEdge ? edge.from : edge.to],
    labels: edge.label ? [{ text: edge.label, ...estimateEdgeLabelSize(edge.label) }] : [],
  };
}

function mapNode(node: BlueprintNode, start: string, placed: ElkNode | undefined): MapNode {
  return {
    id: node.id,
    type: 'blueprint',
    position: { x: placed?.x ?? 0, y: placed?.y ?? 0 },
    width: placed?.width,
    height: placed?.height,
    data: { node, isStart: node.id === start },
  };
}

function sharedExitNode(exit: SharedExit, placed: ElkNode | undefined): SharedExitNode {
  return {
    id: exit.id,
    type: 'shared-exit',
    position: { x: placed?.x ?? 0, y: placed?.y ?? 0 },
    width: placed?.width,
    height: placed?.height,
    data: { label: exit.label, sourceLabels: exit.sourceLabels },
  };
}

function routedData(routed: ElkExtendedEdge | undefined, isBackEdge: boolean): MapEdgeData {
  const route = (routed?.sections ?? []).flatMap((section) => [
    section.startPoint,
    ...(section.bendPoints ?? []),
    section.endPoint,
  ]);
  const label = routed?.labels?.[0];
  return {
    route: isBackEdge ? route.reverse() : route,
    label: label?.text
      ? {
          text: label.text,
          x: label.x ?? 0,
          y: label.y ?? 0,
          width: label.width ?? 0,
          height: label.height ?? 0,
        }
      : undefined,
  };
}
