import type { Node, Viewport } from '@xyflow/react';

/**
 * The zoom a map never opens below: at it the smallest label (12 px, on arrows) reads at 10 px or more. A journey
 * too big for the frame at this zoom opens on its beginning (or the patient's stage), and the
 * reader pans or uses the minimap rather than squinting at the whole of it.
 */
export const MIN_OPENING_ZOOM = 0.85;
/** Small journeys are not blown up beyond their drawn size. */
const MAX_OPENING_ZOOM = 1;
/** Screen pixels kept free around the map's edge. */
const MARGIN = 16;

export interface FrameSize {
  width: number;
  height: number;
}

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the map opens: the whole journey when it fits at a readable zoom; otherwise the part
 * around `focusId` (the patient's stage) or, without one, the start of the journey.
 */
export function initialViewport(
  nodes: readonly Node[],
  frame: FrameSize,
  startId: string,
  focusId?: string,
): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const all = boundsOf(nodes);
  const fitZoom = Math.min((frame.width - 2 * MARGIN) / all.width, (frame.height - 2 * MARGIN) / all.height);
  const zoom = Math.min(MAX_OPENING_ZOOM, Math.max(MIN_OPENING_ZOOM, fitZoom));
  const focus = nodes.find((node) => node.id === focusId);
  if (focus) return centredOn(boundsOf([focus]), frame, zoom);
  if (fitZoom >= MIN_OPENING_ZOOM) return centredOn(all, frame, zoom);

  // Too big: the left edge of the journey at the left of the frame, with the start in view.
  const start = boundsOf(nodes.filter((node) => node.id === startId).slice(0, 1));
  const x = MARGIN - all.x * zoom;
  const fitsHigh = all.height * zoom <= frame.height - 2 * MARGIN;
  const y = fitsHigh
    ? centredOn(all, frame, zoom).y
    : clamp(
        frame.height / 2 - (start.y + start.height / 2) * zoom,
        frame.height - MARGIN - (all.y + all.height) * zoom,
        MARGIN - all.y * zoom,
      );
  return { x, y, zoom };
}

function centredOn(box: Bounds, frame: FrameSize, zoom: number): Viewport {
  return {
    x: frame.width / 2 - (box.x + box.width / 2) * zoom,
    y: frame.height / 2 - (box.y + box.height / 2) * zoom,
    zoom,
  };
}

function boundsOf(nodes: readonly Node[]): Bounds {
  if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...nodes.map((node) => node.position.x));
  const top = Math.min(...nodes.map((node) => node.position.y));
  const right = Math.max(...nodes.map((node) => node.position.x + (node.width ?? 0)));
  const bottom = Math.max(...nodes.map((node) => node.position.y + (node.height ?? 0)));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
