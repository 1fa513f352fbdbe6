import type { Edge, Node } from '@xyflow/react';
import type {
  DefinitionNode,
  JourneyDefinition,
} from '../../../contracts/journey-definitions/definition-schema';
import type { DefinitionProblem } from '../../../contracts/journey-definitions/validate-definition';
import { edgeIdOf, edgesOf, type Position } from './definition-edits';

export interface DefinitionNodeData extends Record<string, unknown> {
  node: DefinitionNode;
  isStart: boolean;
  problems: readonly DefinitionProblem[];
}
export type DefinitionFlowNode = Node<DefinitionNodeData, 'definition'>;

/** The draft's nodes as React Flow nodes: drawn position, else ELK's, else stacked at the origin. */
export function flowNodesOf(
  definition: JourneyDefinition,
  laidOut: ReadonlyMap<string, Position>,
  problems: readonly DefinitionProblem[],
  selected: string | undefined,
): DefinitionFlowNode[] {
  return definition.nodes.map((node, index) => ({
    id: node.id,
    type: 'definition',
    position: node.position ?? laidOut.get(node.id) ?? { x: 0, y: index * 120 },
    selected: node.id === selected,
    ariaLabel: `${node.label} (${node.kind})`,
    data: {
      node,
      isStart: node.id === definition.start,
      problems: problems.filter((problem) => problem.node === node.id),
    },
  }));
}

/** Each edge from the field (or list item) that holds it, labelled as `nextNodesOf` labels it. */
export function flowEdgesOf(definition: JourneyDefinition): Edge[] {
  const ids = new Set(definition.nodes.map((node) => node.id));
  return definition.nodes.flatMap((node) =>
    edgesOf(node)
      .filter((edge) => ids.has(edge.target))
      .map((edge) => ({
        id: edgeIdOf(edge.ref),
        source: node.id,
        sourceHandle: edge.ref.field,
        target: edge.target,
        label: edge.label,
        ariaLabel: `${node.label} ${edge.label} to ${definition.nodes.find((target) => target.id === edge.target)?.label ?? edge.target}`,
      })),
  );
}
