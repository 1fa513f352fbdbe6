import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { MapNodeData } from './layout-blueprint';
import { NODE_KINDS } from './node-kinds';
import { StageBadges } from './StageBadges';
import type { StageCounts } from './stage-counts';

export interface NodeCardData extends MapNodeData {
  /** The node's setting as it reads under the label ("7 days"), when it has one. */
  settingText?: string;
  /** Present when the map shows patient counts. */
  counts?: StageCounts;
  isPatientHere: boolean;
}
export type NodeCard = Node<NodeCardData, 'blueprint'>;

/**
 * One component for every kind: the kind sets the shape and colour (journey-map.css) and the
 * word on top, so the map reads without the legend.
 */
export function BlueprintNodeCard({ data }: NodeProps<NodeCard>) {
  const { node, isStart, settingText, counts, isPatientHere } = data;
  return (
    <div
      className={`map-node map-node-${node.kind}${isPatientHere ? ' map-node-patient-here' : ''}`}
      // The whole label on hover, with what the node does when the blueprint says more.
      title={node.description ? `${node.label}: ${node.description}` : node.label}
      aria-current={isPatientHere ? 'step' : undefined}
    >
      {/* Edges follow ELK's routes; the handles only tell React Flow the nodes are connected. */}
      <Handle type="target" position={Position.Left} isConnectable={false} className="map-handle" />
      <span className="map-node-kind">
        {NODE_KINDS[node.kind].word}
        {isStart && ' · start'}
      </span>
      <span className="map-node-label">{node.label}</span>
      {settingText && (
        <span className="map-node-setting" title={settingText}>
          {settingText}
        </span>
      )}
      {(counts || isPatientHere) && (
        <span className="map-node-status">
          {isPatientHere && <strong className="map-patient-here">Patient is here</strong>}
          {counts && <StageBadges counts={counts} isOpenStage={node.kind === 'stage'} />}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="map-handle" />
    </div>
  );
}
