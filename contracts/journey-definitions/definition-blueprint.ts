import type { Blueprint, BlueprintEdge, BlueprintNode, BlueprintNodeKind } from '../blueprint';
import {
  nextNodesOf,
  type DefinitionNode,
  type DurationRef,
  type JourneyDefinition,
  type NodeKind,
} from './definition-schema';

/*
 * A definition's map, drawn with the node kinds the designer already draws for coded journeys,
 * so the catalogue, the map and the stats overlay treat both alike. The places a journey reports
 * (its stage) are the definition's stages and its ends: a stage becomes a node the flow passes
 * through where it enters that stage, as coded blueprints draw theirs. Pure: no I/O.
 */

/** The stage the interpreter ends a cancelled journey in, as coded journeys do. */
const CANCELLED = 'cancelled';

const KIND_ON_MAP: Record<NodeKind, BlueprintNodeKind> = {
  message: 'message',
  wait: 'wait',
  timer: 'timer',
  decision: 'branch',
  task: 'task',
  // A plan of messages and calls until an event comes: on the map, a wait with its steps described.
  escalation: 'wait',
  end: 'end',
};

export function definitionBlueprint(definition: JourneyDefinition): Blueprint {
  const stageIds = new Set(definition.stages.map((stage) => stage.id));
  // A step may share an id with a stage (only ends may not): the stage keeps the id journeys report.
  const mapId = (node: DefinitionNode) =>
    node.kind !== 'end' && stageIds.has(node.id) ? `${node.id}-step` : node.id;
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  const stageAt = stagesOnArrival(definition);
  const firstStage = definition.stages[0]!.id;

  const enteredStages = new Set<string>([firstStage]);
  const edges: BlueprintEdge[] = [];
  const addEdge = (edge: BlueprintEdge) => {
    const same = edges.some(
      (known) => known.from === edge.from && known.to === edge.to && known.label === edge.label,
    );
    if (!same) edges.push(edge);
  };
  /** An arrival at `target`, through its stage's node when the flow enters that stage there. */
  const arrive = (from: string, fromStage: string | undefined, target: DefinitionNode, label?: string) => {
    const event = label === undefined ? undefined : eventOf(byId.get(from), label);
    const entering = target.stage !== undefined && target.stage !== fromStage ? target.stage : undefined;
    if (!entering) {
      addEdge({ from: mapIdOf(from), to: mapId(target), ...labelled(label, event) });
      return;
    }
    enteredStages.add(entering);
    addEdge({ from: mapIdOf(from), to: entering, ...labelled(label, event) });
    addEdge({ from: entering, to: mapId(target) });
  };
  const mapIdOf = (id: string) => {
    const node = byId.get(id);
    return node ? mapId(node) : id;
  };

  const start = byId.get(definition.start);
  if (start) {
    const startStage = start.stage ?? firstStage;
    addEdge({ from: firstStage, to: startStage === firstStage ? mapId(start) : startStage });
    if (startStage !== firstStage) {
      enteredStages.add(startStage);
      addEdge({ from: startStage, to: mapId(start) });
    }
  }
  for (const node of definition.nodes) {
    for (const { next, label } of nextNodesOf(node)) {
      const target = byId.get(next);
      if (target) arrive(node.id, stageAt.get(node.id), target, label);
    }
  }

  const stageNodes: BlueprintNode[] = definition.stages
    .filter((stage) => enteredStages.has(stage.id))
    .map((stage) => ({ id: stage.id, kind: 'stage', label: stage.label }));
  // An operator's cancel (or a death the EHR records) ends any journey in `cancelled`, from any stage.
  for (const stage of stageNodes) addEdge({ from: stage.id, to: CANCELLED, label: 'operator cancels' });
  const cancelled: BlueprintNode[] = byId.has(CANCELLED)
    ? []
    : [{ id: CANCELLED, kind: 'end', label: 'Cancelled by an operator', dropOff: true }];
  const flowNodes = definition.nodes.map((node): BlueprintNode => {
    const setting = settingOf(node);
    const description = node.kind === 'escalation' ? escalationDescription(node) : node.description;
    return {
      id: mapId(node),
      kind: KIND_ON_MAP[node.kind],
      label: node.label,
      ...(description ? { description } : {}),
      ...(setting ? { setting } : {}),
      ...(node.kind === 'end' ? { dropOff: node.dropOff } : {}),
    };
  });
  return { start: firstStage, nodes: [...stageNodes, ...flowNodes, ...cancelled], edges };
}

/**
 * The stage a journey is in when it reaches each node: the node's own, or else the one it came
 * with, when every way in agrees (undefined when they do not, or the node is unreachable).
 */
function stagesOnArrival(definition: JourneyDefinition): Map<string, string | undefined> {
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  const arriving = new Map<string, Set<string>>();
  const queue: Array<{ id: string; stage: string }> = [
    { id: definition.start, stage: definition.stages[0]!.id },
  ];
  while (queue.length > 0) {
    const { id, stage } = queue.shift()!;
    const node = byId.get(id);
    if (!node) continue;
    const seen = arriving.get(id) ?? new Set<string>();
    if (seen.has(stage)) continue;
    seen.add(stage);
    arriving.set(id, seen);
    const leaving = node.stage ?? stage;
    for (const { next } of nextNodesOf(node)) queue.push({ id: next, stage: leaving });
  }
  const result = new Map<string, string | undefined>();
  for (const node of definition.nodes) {
    const seen = arriving.get(node.id);
    const inherited = seen?.size === 1 ? [...seen][0] : undefined;
    result.set(node.id, node.stage ?? inherited);
  }
  return result;
}

function labelled(label: string | undefined, event: string | undefined): Partial<BlueprintEdge> {
  return { ...(label === undefined ? {} : { label }), ...(event ? { event } : {}) };
}

/** The journey event that takes an edge out of a wait or an escalation plan, when one does. */
function eventOf(node: DefinitionNode | undefined, label: string): string | undefined {
  if (node?.kind === 'wait') return node.events.find((edge) => edge.event === label)?.event;
  if (node?.kind === 'escalation') return node.until.find((edge) => edge.event === label)?.event;
  return undefined;
}

/** The program setting that tunes a node's clock or due time, if one does. */
function settingOf(node: DefinitionNode): string | undefined {
  const named = (ref: DurationRef | undefined) => (ref && 'setting' in ref ? ref.setting : undefined);
  switch (node.kind) {
    case 'timer':
      return 'after' in node.clock ? named(node.clock.after) : undefined;
    case 'wait':
      return node.timeout && 'after' in node.timeout ? named(node.timeout.after) : undefined;
    case 'task':
      return named(node.task.dueWithin);
    case 'escalation':
      return named(node.closeAfter?.after);
    default:
      return undefined;
  }
}

function escalationDescription(node: Extract<DefinitionNode, { kind: 'escalation' }>): string {
  const steps = node.steps.map((step) => ('message' in step ? 'a message' : `a ${step.task.kind} task`));
  const plan = `Escalation plan: ${steps.length === 0 ? 'no steps' : steps.join(', then ')}.`;
  return node.description ? `${node.description} ${plan}` : plan;
}
