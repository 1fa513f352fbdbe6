import '@xyflow/react/dist/style.css';
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import type { DefinitionProblem } from '../../../contracts/journey-definitions/validate-definition';
import { connect, deleteEdge, deleteNodes, edgeRefOf, moveNode, type SourceHandle } from './definition-edits';
import { DefinitionNodeCard } from './DefinitionNodeCard';
import { type DefinitionFlowNode, flowEdgesOf, flowNodesOf } from './flow-elements';
import { useAutoLayout } from './useAutoLayout';

interface DefinitionCanvasProps {
  definition: JourneyDefinition;
  problems: readonly DefinitionProblem[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  /** Edits are functions of the draft: React Flow may report several in one event (a node and its edges). */
  onEdit: (edit: (definition: JourneyDefinition) => JourneyDefinition) => void;
}

const nodeTypes = { definition: DefinitionNodeCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const ariaLabelConfig = {
  'node.a11yDescription.default':
    'Tab moves from node to node; Enter selects one to edit; Delete removes it.',
  'controls.ariaLabel': 'Zoom',
};

/**
 * The draft on a React Flow map: drag from a node's handle to another node to connect them (the
 * handle says which field the edge sets), drag a node to move it, Delete to remove what is
 * selected. Every change goes through the pure edits, back to the draft.
 */
export function DefinitionCanvas({
  definition,
  problems,
  selected,
  onSelect,
  onEdit,
}: DefinitionCanvasProps) {
  const laidOut = useAutoLayout(definition);
  const derived = useMemo(
    () => flowNodesOf(definition, laidOut, problems, selected),
    [definition, laidOut, problems, selected],
  );
  // React Flow moves nodes while they are dragged; the draft learns the position when they drop.
  const [nodes, setNodes] = useState<DefinitionFlowNode[]>(derived);
  // A new draft replaces them in the same render (not an effect later: a badge would lag a frame).
  const [shown, setShown] = useState(derived);
  if (shown !== derived) {
    setShown(derived);
    setNodes(derived);
  }
  const edges = useMemo(() => flowEdgesOf(definition), [definition]);

  // A node added from the palette (or laid out by ELK) is brought into view.
  const instance = useRef<ReactFlowInstance<DefinitionFlowNode>>(null);
  const nodeCount = definition.nodes.length;
  useEffect(() => {
    const frame = requestAnimationFrame(() => void instance.current?.fitView({ maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [nodeCount, laidOut]);

  const onNodesChange = (changes: NodeChange<DefinitionFlowNode>[]) =>
    setNodes((current) =>
      applyNodeChanges(
        changes.filter((change) => change.type !== 'remove'),
        current,
      ),
    );

  const onConnect = (connection: Connection) => {
    const { source, target, sourceHandle } = connection;
    if (!sourceHandle || source === target) return;
    onEdit((draft) => connect(draft, source, sourceHandle as SourceHandle, target));
  };

  /** Selected edges first (by their index before anything moved), then the nodes with their edges. */
  const onDelete = ({ nodes: gone, edges: cut }: { nodes: DefinitionFlowNode[]; edges: Edge[] }) => {
    const goneIds = new Set(gone.map((node) => node.id));
    const refs = cut
      .filter((edge) => !goneIds.has(edge.source) && !goneIds.has(edge.target))
      .map((edge) => edgeRefOf(edge.id))
      .filter((ref) => ref !== undefined)
      // From the last list item back, so the others keep their index.
      .sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
    onEdit((draft) => deleteNodes(refs.reduce(deleteEdge, draft), [...goneIds]));
  };

  return (
    <div className="definition-canvas" role="region" aria-label="Journey map editor">
      <ReactFlow<DefinitionFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        ariaLabelConfig={ariaLabelConfig}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(undefined)}
        onNodeDragStop={(_, node) => onEdit((draft) => moveNode(draft, node.id, node.position))}
        onConnect={onConnect}
        onDelete={onDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        onInit={(ready) => {
          instance.current = ready;
        }}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
