import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { SharedExitNode } from './layout-blueprint';

/** Where ways out shared by many stages start: hover (or the accessible name) lists the stages. */
export function SharedExitCard({ data }: NodeProps<SharedExitNode>) {
  return (
    <div className="map-node map-node-shared-exit" title={`${data.label}: ${data.sourceLabels.join(', ')}`}>
      <span className="map-node-kind">Shared exit</span>
      <span className="map-node-label">{data.label}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} className="map-handle" />
    </div>
  );
}
