import { Handle, type NodeProps, Position } from '@xyflow/react';
import { kindTitles, sourceHandlesFor } from './definition-edits';
import type { DefinitionFlowNode } from './flow-elements';

/**
 * A node on the editing map: its kind and label, a badge counting its problems, one target
 * handle, and one source handle per field an edge can set (labelled, so a designer knows which
 * edge a drag makes).
 */
export function DefinitionNodeCard({ data }: NodeProps<DefinitionFlowNode>) {
  const { node, isStart, problems } = data;
  const handles = sourceHandlesFor(node);
  return (
    <div className={`definition-node definition-node-${node.kind}`} title={node.description ?? node.label}>
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        className="definition-handle"
        aria-label={`Connect to ${node.label}`}
      />
      <span className="definition-node-kind">
        {kindTitles[node.kind]}
        {isStart && ' · start'}
      </span>
      <span className="definition-node-label">{node.label}</span>
      {problems.length > 0 && (
        <span
          className="definition-node-problems"
          role="status"
          aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}
        >
          {problems.length}
        </span>
      )}
      <div className="definition-node-handles">
        {handles.map(({ handle, label }, index) => (
          <Handle
            key={handle}
            type="source"
            id={handle}
            position={Position.Right}
            style={{ top: `${((index + 1) / (handles.length + 1)) * 100}%` }}
            className="definition-handle definition-handle-source"
            aria-label={`Connect ${label} from ${node.label}`}
            title={label}
          >
            <span className="definition-handle-label">{label}</span>
          </Handle>
        ))}
      </div>
    </div>
  );
}
