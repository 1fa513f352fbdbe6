import '@xyflow/react/dist/style.css';
import './journey-map.css';
import { Controls, type DefaultEdgeOptions, MarkerType, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { Notice } from '../Notice';
import { type Blueprint, isStageNode } from './blueprint-types';
import { BlueprintNodeCard, type NodeCard } from './BlueprintNodeCard';
import { firstViewNodes } from './first-view';
import type { MapNode } from './layout-blueprint';
import { MapLegend } from './MapLegend';
import { NODE_KINDS } from './node-kinds';
import { RoutedEdge } from './RoutedEdge';
import { describeSetting } from './setting-value';
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

const nodeTypes = { blueprint: BlueprintNodeCard };
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
  const layoutState = useBlueprintLayout(blueprint, {
    withCounts: overlay !== undefined,
    patientStage: position,
  });
  const layout = layoutState.status === 'ready' ? layoutState.layout : undefined;

  const nodes = useMemo(
    () => layout?.nodes.map((node) => withJourneyData(node, settings, overlay, position)) ?? [],
    [layout, settings, overlay, position],
  );
  // React Flow fits the view once, when it first draws the nodes: later counts keep the reader's view.
  const fitViewOptions = useMemo(
    () => ({ nodes: firstViewNodes(layout?.nodes ?? [], position), padding: 0.05, maxZoom: 1 }),
    [layout, position],
  );

  return (
    <figure className="journey-map" aria-label={`Map of ${title}`}>
      <figcaption>
        <strong>{title}</strong>: each arrow says what moves a patient on. Drag to move around; zoom with the
        buttons or Ctrl + scroll.
      </figcaption>
      <div className="journey-map-canvas">
        {layoutState.status === 'loading' && <Notice tone="loading">Drawing the map…</Notice>}
        {layoutState.status === 'error' && (
          <Notice tone="error">The map could not be drawn: {layoutState.message}</Notice>
        )}
        {layout && (
          <ReactFlow<NodeCard>
            nodes={nodes}
            edges={layout.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            fitView
            fitViewOptions={fitViewOptions}
            minZoom={0.1}
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
          </ReactFlow>
        )}
      </div>
      <MapLegend />
      <StageList blueprint={blueprint} overlay={overlay} position={position} />
    </figure>
  );
}

function withJourneyData(
  node: MapNode,
  settings: Record<string, unknown> | undefined,
  overlay: StageOverlay | undefined,
  position: string | undefined,
): NodeCard {
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
