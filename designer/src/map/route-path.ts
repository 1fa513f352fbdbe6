import type { XYPosition } from '@xyflow/react';

const CORNER_RADIUS = 6;

/** An SVG path along ELK's orthogonal route, its corners rounded so crossing lines stay apart. */
export function routePath(route: readonly XYPosition[]): string {
  const [first, ...rest] = route;
  if (!first) return '';
  const commands = [`M ${first.x} ${first.y}`];
  rest.forEach((point, index) => {
    const previous = route[index]!;
    const next = rest[index + 1];
    if (!next) {
      commands.push(`L ${point.x} ${point.y}`);
      return;
    }
    const radius = Math.min(CORNER_RADIUS, distance(previous, point) / 2, distance(point, next) / 2);
    const before = towards(point, previous, radius);
    const after = towards(point, next, radius);
    commands.push(`L ${before.x} ${before.y}`, `Q ${point.x} ${point.y} ${after.x} ${after.y}`);
  });
  return commands.join(' ');
}

function distance(a: XYPosition, b: XYPosition): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `length` away from `from` on the way to `to`. */
function towards(from: XYPosition, to: XYPosition, length: number): XYPosition {
  const total = distance(from, to);
  if (total === 0) return from;
  return { x: from.x + ((to.x - from.x) * length) / total, y: from.y + ((to.y - from.y) * length) / total };
}
