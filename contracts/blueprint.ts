/**
 * A journey's static map: what the designer draws and what operators read. Node ids are stable
 * (renaming one is a breaking change for dashboards and running journeys): every stage a
 * workflow reports, in its progress and in the CarepathStage search attribute, is a node id here.
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
  /**
   * On an `end`: the patient left before the program reached its goal (declined, stopped
   * answering, cancelled). The designer counts journeys ending here as dropped off.
   */
  dropOff?: boolean;
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

/** Stage ids a workflow may report: the `stage` and `end` nodes. */
export function blueprintStages(blueprint: Blueprint): string[] {
  return blueprint.nodes
    .filter((node) => node.kind === 'stage' || node.kind === 'end')
    .map((node) => node.id);
}
