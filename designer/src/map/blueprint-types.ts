/*
 * The journey blueprint as GET /api/journey-types sends it: the very types the workflows declare
 * (a type-only import, erased from the browser bundle), so the two cannot drift apart.
 */
import type { BlueprintNode } from '../../../contracts/blueprint';

export type {
  Blueprint,
  BlueprintEdge,
  BlueprintNode,
  BlueprintNodeKind,
} from '../../../contracts/blueprint';

/** Only `stage` and `end` nodes are places a patient can be: journeys report their ids as stages. */
export function isStageNode(node: BlueprintNode): boolean {
  return node.kind === 'stage' || node.kind === 'end';
}
