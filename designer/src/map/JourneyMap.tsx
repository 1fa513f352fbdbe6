import '@xyflow/react/dist/style.css';
import './journey-map.css';
import {
  Controls,
  type DefaultEdgeOptions,
  MarkerType,
  MiniMap,
  type Node,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { Notice } from '../Notice';
import { type Blueprint, isStageNode } from './blueprint-types';
import { BlueprintNodeCard, type NodeCard } from './BlueprintNodeCard';
import { expandEscalationPlans } from './expand-escalation-plans';
import { initialViewport } from './initial-viewport';
import type { MapNode, SharedExitNode } from './layout-blueprint';
import { MapLegend } from './MapLegend';
import { NODE_KINDS } from './node-kinds';
import { RoutedEdge } from './RoutedEdge';
import { describeSetting } from './setting-value';
import { SharedExitCard } from './SharedExitCard';
import { countsAt, type StageOverlay } from './stage-counts';
import { StageList } from './StageList';
import { useBlueprintLayout } from './useBlueprintLayout';

export interface JourneyMapProps {
  /** The journey type's title: the map is named "Map of {title}". */
  readonly title: string;
  /** Keep it the same object between renders: a new blueprint is laid out again. */
  readonly blueprint: Blueprint;
  /** Resolved program settings: timers and waits then show their durations. */
  readonly settings?: Record<string, unknown>;
  /** Patient counts per stage id. */
  readonly overlay?: StageOverlay;
  /** The stage one patient is at (journey detail). */
  readonly position?: string;
}

const nodeTypes = { blueprint: BlueprintNodeCard, 'shared-exit': SharedExitCard };
const edgeTypes = { routed: RoutedEdge };
const defaultEdgeOptions: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#5b6b7a' },
};
// React Flow's defaults describe editing (select, move, delete), which this read-only map has none of.
const ariaLabelConfig = {
  'node.a11yDescription.default': 'Tab moves from step to step; the map follows.',
  'node.a11yDescription.keyboardDisabled': 'Tab moves from step to step; the map follows.',
  'controls.ariaLabel': 'Zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Show the whole map',
};

/** A journey type's blueprint drawn as a graph, with patient counts or one patient's position on it. */
export function JourneyMap({ title, blueprint, settings, overlay, position }: JourneyMapProps) {
  // The escalation plans in force replace their generic loops, once the settings are here.
  const drawn = useMemo(() => expandEscalationPlans(blueprint, settings), [blueprint, settings]);
  const layoutState = useBlueprintLayout(drawn, {
    withCounts: overlay !== undefined,
    patientStage: position,
  });
  const layout = layoutState.status === 'ready' ? layoutState.layout : undefined;

  const nodes = useMemo(
    () => layout?.nodes.map((node) => withJourneyData(node, settings, overlay, position)) ?? [],
    [layout, settings, overlay, position],
  );
  const canvas = useRef<HTMLDivElement>(null);
  // The view is set once, when React Flow starts: later counts keep the reader's view.
  const openView = useCallback(
    (instance: ReactFlowInstance<MapCardNode>) => {
      const frame = canvas.current?.getBoundingClientRect() ?? { width: 800, height: 600 };
      void instance.setViewport(initialViewport(instance.getNodes(), frame, blueprint.start, position));
    },
    [blueprint.start, position],
  );

  return (
    <figure className="journey-map" aria-label={`Map of ${title}`}>
      <figcaption>
        <strong>{title}</strong>: each arrow says what moves a patient on. Drag to move around; zoom with the
        buttons or Ctrl + scroll.
      </figcaption>
      <div className="journey-map-canvas" ref={canvas}>
        {layoutState.status === 'loading' && <Notice tone="loading">Drawing the map…</Notice>}
        {layoutState.status === 'error' && (
          <Notice tone="error">The map could not be drawn: {layoutState.message}</Notice>
        )}
        {layout && (
          <ReactFlow<MapCardNode>
            // A new layout (settings arrived, another stage) opens its view afresh.
            key={`${position ?? ''}:${layout.nodes.length}`}
            nodes={nodes}
            edges={layout.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onInit={openView}
            minZoom={0.2}
            // The map sits in a scrolling page: the wheel scrolls the page unless Ctrl is held.
            zoomOnScroll={false}
            preventScrolling={false}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Controls showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
            <MiniMap
              pannable
              zoomable
              ariaLabel={`Overview of the map of ${title}`}
              nodeColor={minimapColour}
              nodeStrokeWidth={0}
            />
          </ReactFlow>
        )}
      </div>
      <MapLegend />
      <StageList blueprint={blueprint} overlay={overlay} position={position} />
    </figure>
  );
}

type MapCardNode = NodeCard | SharedExitNode;

/** The minimap shows where patients are: stages stand out, the steps between them stay faint. */
function minimapColour(node: Node): string {
  if (node.type !== 'blueprint') return '#9aa7b4';
  const { node: blueprintNode, isPatientHere } = node.data as NodeCard['data'];
  if (isPatientHere) return '#084785';
  return blueprintNode.kind === 'stage' || blueprintNode.kind === 'end' ? '#0b5cad' : '#c5ced7';
}

function withJourneyData(
  node: MapNode | SharedExitNode,
  settings: Record<string, unknown> | undefined,
  overlay: StageOverlay | undefined,
  position: string | undefined,
): MapCardNode {
  if (node.type === 'shared-exit') {
    return { ...node, ariaLabel: `${node.data.label}: ${node.data.sourceLabels.join(', ')}` };
  }
  const blueprintNode = node.data.node;
  return {
    ...node,
    ariaLabel: `${NODE_KINDS[blueprintNode.kind].word}: ${blueprintNode.label}`,
    data: {
      ...node.data,
      settingText: blueprintNode.setting && describeSetting(blueprintNode.setting, settings),
      counts: overlay && isStageNode(blueprintNode) ? countsAt(overlay, node.id) : undefined,
      isPatientHere: node.id === position,
    },
  };
}
