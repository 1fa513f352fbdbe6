import type {
  DefinitionNode,
  JourneyDefinition,
  NodeKind,
} from '../../../contracts/journey-definitions/definition-schema';
import { whenPassedOf } from '../../../contracts/journey-definitions/when-passed';
import { newNodeOfKind } from './node-defaults';

/*
 * Every change the map makes to a draft, as pure functions from a definition to the next: the
 * canvas only translates clicks and drags into these. An edge is a field of its source node
 * (`next`, a branch, a wait's event, a timeout...): connecting sets that field, deleting clears it.
 */

export interface Position {
  x: number;
  y: number;
}

/**
 * What a connection dragged from a node's handle sets. Single handles replace their target; list
 * handles (a wait's events, a decision's branches, a task's outcomes, an escalation's stop events)
 * add an item each time.
 */
export const sourceHandlesOf: Record<NodeKind, readonly { handle: SourceHandle; label: string }[]> = {
  message: [
    { handle: 'next', label: 'sent' },
    { handle: 'onUnreachable', label: 'unreachable' },
  ],
  wait: [
    { handle: 'events', label: 'event' },
    { handle: 'timeout', label: 'timeout' },
    { handle: 'whenPassed', label: 'already passed' },
  ],
  timer: [
    { handle: 'next', label: 'elapsed' },
    { handle: 'whenPassed', label: 'already passed' },
  ],
  decision: [
    { handle: 'branches', label: 'branch' },
    { handle: 'otherwise', label: 'otherwise' },
  ],
  task: [
    { handle: 'outcomes', label: 'outcome' },
    { handle: 'otherwise', label: 'other outcome' },
  ],
  escalation: [
    { handle: 'until', label: 'event' },
    { handle: 'closeAfter', label: 'closed' },
  ],
  end: [],
};

/**
 * The handles a node shows: "already passed" only on a wait or timer timed from a fact, the one
 * time that can be past as a patient arrives (HZ-54).
 */
export function sourceHandlesFor(node: DefinitionNode): readonly { handle: SourceHandle; label: string }[] {
  return sourceHandlesOf[node.kind].filter(({ handle }) => handle !== 'whenPassed' || isTimedFromFact(node));
}

function isTimedFromFact(node: DefinitionNode): boolean {
  if (node.kind === 'timer') return 'at' in node.clock;
  return node.kind === 'wait' && node.timeout !== undefined && 'at' in node.timeout;
}

export type SourceHandle =
  | 'next'
  | 'whenPassed'
  | 'onUnreachable'
  | 'otherwise'
  | 'timeout'
  | 'closeAfter'
  | 'events'
  | 'branches'
  | 'outcomes'
  | 'until';

/** Where an edge is kept in its source node: a field, or an item of a list field. */
export interface EdgeRef {
  source: string;
  field: SourceHandle;
  index?: number;
}

export function edgeIdOf(ref: EdgeRef): string {
  return `${ref.source}>${ref.field}${ref.index === undefined ? '' : `.${ref.index}`}`;
}

export function edgeRefOf(edgeId: string): EdgeRef | undefined {
  const match = /^([^>]+)>([a-zA-Z]+)(?:\.(\d+))?$/.exec(edgeId);
  if (!match) return undefined;
  return {
    source: match[1]!,
    field: match[2] as SourceHandle,
    ...(match[3] === undefined ? {} : { index: Number(match[3]) }),
  };
}

/** The edges of a node: where it goes, and which field (or list item) says so. */
export function edgesOf(node: DefinitionNode): { ref: EdgeRef; target: string; label: string }[] {
  const single = (field: SourceHandle, target: string | undefined, label: string) =>
    target === undefined ? [] : [{ ref: { source: node.id, field }, target, label }];
  const items = <T extends { next: string }>(field: SourceHandle, list: T[], label: (item: T) => string) =>
    list.map((item, index) => ({
      ref: { source: node.id, field, index },
      target: item.next,
      label: label(item),
    }));
  switch (node.kind) {
    case 'message':
      return [
        ...single('next', node.next, 'sent'),
        ...single('onUnreachable', node.onUnreachable, 'unreachable'),
      ];
    case 'wait':
      return [
        ...items('events', node.events, (edge) => edge.event),
        ...single('timeout', node.timeout?.next, 'timeout'),
        ...single('whenPassed', whenPassedOf(node), 'already passed'),
      ];
    case 'timer':
      return [
        ...single('next', node.next, 'elapsed'),
        ...single('whenPassed', node.whenPassed, 'already passed'),
      ];
    case 'decision':
      return [
        ...items('branches', node.branches, (edge) => edge.label),
        ...single('otherwise', node.otherwise, 'otherwise'),
      ];
    case 'task':
      return [
        ...items('outcomes', node.outcomes, (edge) => edge.outcome),
        ...single('otherwise', node.otherwise, 'other outcome'),
      ];
    case 'escalation':
      return [
        ...items('until', node.until, (edge) => edge.event),
        ...single('closeAfter', node.closeAfter?.next, 'closed'),
      ];
    case 'end':
      return [];
  }
}

/** A new node of `kind` at `position`, with an id no node has; it is selected by its id. */
export function addNode(
  definition: JourneyDefinition,
  kind: NodeKind,
  position?: Position,
): { definition: JourneyDefinition; id: string } {
  const taken = new Set(definition.nodes.map((node) => node.id));
  let number = 1;
  while (taken.has(`${kind}-${number}`)) number += 1;
  const id = `${kind}-${number}`;
  const node = {
    ...newNodeOfKind(kind, id, `${kindTitles[kind]} ${number}`),
    ...(position ? { position } : {}),
  };
  return { definition: { ...definition, nodes: [...definition.nodes, node] }, id };
}

export const kindTitles: Record<NodeKind, string> = {
  message: 'Message',
  wait: 'Wait',
  timer: 'Timer',
  decision: 'Decision',
  task: 'Staff task',
  escalation: 'Escalation',
  end: 'End',
};

/**
 * Connects `source`'s handle to `target`. A list handle adds an item whose own fields get
 * placeholders the validator then points at (an event the journey does not declare, say).
 */
export function connect(
  definition: JourneyDefinition,
  source: string,
  handle: SourceHandle,
  target: string,
): JourneyDefinition {
  return mapNode(definition, source, (node) => {
    switch (handle) {
      case 'next':
        return node.kind === 'message' || node.kind === 'timer' ? { ...node, next: target } : node;
      case 'onUnreachable':
        return node.kind === 'message' ? { ...node, onUnreachable: target } : node;
      case 'whenPassed':
        if (!isTimedFromFact(node)) return node;
        return retarget(node, { source: node.id, field: 'whenPassed' }, target);
      case 'otherwise':
        return node.kind === 'decision' || node.kind === 'task' ? { ...node, otherwise: target } : node;
      case 'timeout':
        if (node.kind !== 'wait') return node;
        return {
          ...node,
          timeout: node.timeout
            ? { ...node.timeout, next: target }
            : { after: { amount: 1, unit: 'days' }, next: target },
        };
      case 'closeAfter':
        if (node.kind !== 'escalation') return node;
        return {
          ...node,
          closeAfter: node.closeAfter
            ? { ...node.closeAfter, next: target }
            : { after: { amount: 1, unit: 'days' }, next: target },
        };
      case 'events':
        if (node.kind !== 'wait') return node;
        return {
          ...node,
          events: [...node.events, { event: unusedEvent(definition, node.events), next: target }],
        };
      case 'until':
        if (node.kind !== 'escalation') return node;
        return {
          ...node,
          until: [...node.until, { event: unusedEvent(definition, node.until), next: target }],
        };
      case 'branches':
        if (node.kind !== 'decision') return node;
        return {
          ...node,
          branches: [
            ...node.branches,
            { label: `Branch ${node.branches.length + 1}`, when: { '==': [{ var: '' }, ''] }, next: target },
          ],
        };
      case 'outcomes':
        if (node.kind !== 'task') return node;
        return {
          ...node,
          outcomes: [...node.outcomes, { outcome: `outcome-${node.outcomes.length + 1}`, next: target }],
        };
    }
  });
}

/** The first declared event the list does not use yet (a designer usually waits for each once). */
function unusedEvent(definition: JourneyDefinition, used: { event: string }[]): string {
  const taken = new Set(used.map((edge) => edge.event));
  return (
    definition.events.find((event) => !taken.has(event.type))?.type ?? definition.events[0]?.type ?? 'event'
  );
}

/** Removes an edge: a single field is cleared; a list item goes, with whatever it said (a rule, an outcome). */
export function deleteEdge(definition: JourneyDefinition, ref: EdgeRef): JourneyDefinition {
  return mapNode(definition, ref.source, (node) => {
    if (ref.field === 'whenPassed' && node.kind === 'wait' && node.timeout) {
      const { whenPassed: _removed, ...timeout } = node.timeout as typeof node.timeout & {
        whenPassed?: string;
      };
      return { ...node, timeout } as DefinitionNode;
    }
    const record = node as unknown as Record<string, unknown>;
    const value = record[ref.field];
    if (ref.index !== undefined && Array.isArray(value)) {
      return { ...record, [ref.field]: value.filter((_, index) => index !== ref.index) } as DefinitionNode;
    }
    const { [ref.field]: _removed, ...rest } = record;
    return rest as unknown as DefinitionNode;
  });
}

/**
 * Removes nodes and every edge into them. The start is kept as it is even when it goes: the
 * validator then says the journey starts nowhere, rather than the editor picking a new start.
 */
export function deleteNodes(definition: JourneyDefinition, ids: readonly string[]): JourneyDefinition {
  const gone = new Set(ids);
  const kept = definition.nodes.filter((node) => !gone.has(node.id));
  // A definition has at least one node: the last one is edited, not deleted.
  if (kept.length === 0) return definition;
  let next: JourneyDefinition = { ...definition, nodes: kept };
  for (const node of kept) {
    // From the last edge back, so the indexes of the ones still to remove stay right.
    for (const edge of edgesOf(node).reverse()) {
      if (gone.has(edge.target)) next = deleteEdge(next, edge.ref);
    }
  }
  return next;
}

export function moveNode(definition: JourneyDefinition, id: string, position: Position): JourneyDefinition {
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  return mapNode(definition, id, (node) => ({ ...node, position: rounded }));
}

export function replaceNode(
  definition: JourneyDefinition,
  id: string,
  node: DefinitionNode,
): JourneyDefinition {
  return mapNode(definition, id, () => node);
}

/** Gives a node a new id, and every edge into it (and the start) follows. */
export function renameNode(definition: JourneyDefinition, from: string, to: string): JourneyDefinition {
  if (from === to || definition.nodes.some((node) => node.id === to)) return definition;
  const follow = (id: string) => (id === from ? to : id);
  const nodes = definition.nodes.map((node) => {
    let renamed = { ...node, id: follow(node.id) } as DefinitionNode;
    for (const edge of edgesOf(node)) {
      if (edge.target === from) renamed = retarget(renamed, edge.ref, to);
    }
    return renamed;
  });
  return { ...definition, start: follow(definition.start), nodes };
}

function retarget(node: DefinitionNode, ref: EdgeRef, target: string): DefinitionNode {
  // A wait keeps where it goes when its time has passed inside its timeout, beside the time.
  if (ref.field === 'whenPassed' && node.kind === 'wait' && node.timeout) {
    return { ...node, timeout: { ...node.timeout, whenPassed: target } } as DefinitionNode;
  }
  const record = node as unknown as Record<string, unknown>;
  const value = record[ref.field];
  if (ref.index !== undefined && Array.isArray(value)) {
    const items = value.map((item, index) =>
      index === ref.index ? { ...(item as object), next: target } : item,
    );
    return { ...record, [ref.field]: items } as DefinitionNode;
  }
  if (typeof value === 'object' && value !== null) {
    return { ...record, [ref.field]: { ...value, next: target } } as DefinitionNode;
  }
  return { ...record, [ref.field]: target } as DefinitionNode;
}

function mapNode(
  definition: JourneyDefinition,
  id: string,
  change: (node: DefinitionNode) => DefinitionNode,
): JourneyDefinition {
  return { ...definition, nodes: definition.nodes.map((node) => (node.id === id ? change(node) : node)) };
}
