import { describe, expect, test } from '@jest/globals';
import type { Node } from '@xyflow/react';
import { initialViewport, MIN_OPENING_ZOOM } from './initial-viewport';

/** A row of nodes 200 wide and 60 high, 400 apart. */
const row = (length: number): Node[] =>
  Array.from({ length }, (_, index) => ({
    id: `node-${index}`,
    position: { x: index * 400, y: 100 },
    width: 200,
    height: 60,
    data: {},
  }));
const frame = { width: 1200, height: 700 };

/** The node's box on screen under `viewport`. */
function onScreen(node: Node, { x, y, zoom }: { x: number; y: number; zoom: number }) {
  return {
    left: x + node.position.x * zoom,
    right: x + (node.position.x + node.width!) * zoom,
    top: y + node.position.y * zoom,
    bottom: y + (node.position.y + node.height!) * zoom,
  };
}
const inFrame = (box: ReturnType<typeof onScreen>) =>
  box.left >= 0 && box.right <= frame.width && box.top >= 0 && box.bottom <= frame.height;

describe(initialViewport.name, () => {
  test('a small journey opens whole, not blown up beyond its size', () => {
    const nodes = row(2);
    const viewport = initialViewport(nodes, frame, 'node-0');
    expect(viewport.zoom).toBe(1);
    for (const node of nodes) expect(inFrame(onScreen(node, viewport))).toBe(true);
  });

  test('a long journey opens on its start at a readable zoom, never shrunk below it', () => {
    const nodes = row(20);
    const viewport = initialViewport(nodes, frame, 'node-0');
    expect(viewport.zoom).toBe(MIN_OPENING_ZOOM);
    expect(MIN_OPENING_ZOOM).toBeGreaterThanOrEqual(0.6);
    expect(inFrame(onScreen(nodes[0]!, viewport))).toBe(true);
    expect(inFrame(onScreen(nodes[19]!, viewport))).toBe(false);
  });

  test("a patient's map opens centred on the patient's stage", () => {
    const nodes = row(20);
    const viewport = initialViewport(nodes, frame, 'node-0', 'node-12');
    const box = onScreen(nodes[12]!, viewport);
    expect(inFrame(box)).toBe(true);
    expect((box.left + box.right) / 2).toBeCloseTo(frame.width / 2);
    expect(viewport.zoom).toBeGreaterThanOrEqual(MIN_OPENING_ZOOM);
  });

  test('a tall journey opens with its start in view, not its middle', () => {
    const nodes = Array.from({ length: 20 }, (_, index) => ({
      id: `node-${index}`,
      position: { x: index === 0 ? 0 : 300, y: index * 150 },
      width: 200,
      height: 60,
      data: {},
    }));
    const viewport = initialViewport(nodes, frame, 'node-0');
    expect(inFrame(onScreen(nodes[0]!, viewport))).toBe(true);
  });
});
