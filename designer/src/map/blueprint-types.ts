/*
 * The journey blueprint as GET /api/journey-types sends it. The designer is a separate browser
 * bundle and cannot import workflows/, so this mirrors workflows/blueprint.ts: keep them in step.
 */

export type BlueprintNodeKind =
  /** A place a patient can be in (reported as the journey's stage). */
  | 'stage'
  /** A stage the journey ends in. */
  | 'end'
  /** A wait on the clock: a cadence, a reminder delay, a deadline. */
  | 'timer'
  /** A wait for an event from the EHR or an operator, usually with a timeout. */
  | 'wait'
  /** A decision on data (a reading, a result, a rule). */
  | 'branch'
  /** A message to the patient. */
  | 'message'
  /** Work for a person: an escalation, a call, a referral. */
  | 'task';

export interface BlueprintNode {
  id: string;
  kind: BlueprintNodeKind;
  label: string;
  description?: string;
  /** The program setting that tunes this node (a dotted path into the settings), if any. */
  setting?: string;
}

export interface BlueprintEdge {
  from: string;
  to: string;
  /** What takes this path: an event type, a condition, a timeout. */
  label?: string;
  /** The journey event that takes this path, when one does. */
  event?: string;
}

export interface Blueprint {
  start: string;
  nodes: BlueprintNode[];
  edges: BlueprintEdge[];
}

/** Only `stage` and `end` nodes are places a patient can be: journeys report their ids as stages. */
export function isStageNode(node: BlueprintNode): boolean {
  return node.kind === 'stage' || node.kind === 'end';
}
