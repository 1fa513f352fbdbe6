import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { MapEdge } from './layout-blueprint';
import { routePath } from './route-path';

/** An arrow along the route ELK laid out, with its label in the box ELK kept free for it. */
export function RoutedEdge({ id, data, markerEnd }: EdgeProps<MapEdge>) {
  const label = data?.label;
  return (
    <>
      <BaseEdge id={id} path={routePath(data?.route ?? [])} markerEnd={markerEnd} className="map-edge" />
      {label && (
        <EdgeLabelRenderer>
          {/* Hidden from screen readers: the edge's own label already says it, with where it leads. */}
          <div
            aria-hidden="true"
            className="map-edge-label"
            title={label.text}
            style={{
              transform: `translate(${label.x}px, ${label.y}px)`,
              width: label.width,
              minHeight: label.height,
            }}
          >
            {label.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
