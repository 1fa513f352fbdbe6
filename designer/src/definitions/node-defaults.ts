import type { DefinitionNode, NodeKind } from '../../../contracts/journey-definitions/definition-schema';

/**
 * A new node of each kind: well-formed (so the draft still saves) but deliberately unfinished
 * where only the designer can say what is right. An empty wording, an empty list of events or
 * no "otherwise" is what the validator then names, instead of placeholder text a patient could get.
 */
export function newNodeOfKind(kind: NodeKind, id: string, label: string): DefinitionNode {
  const oneDay = { amount: 1, unit: 'days' } as const;
  switch (kind) {
    case 'message':
      return { id, kind, label, message: { key: id, wording: {} } };
    case 'wait':
      return { id, kind, label, events: [] };
    case 'timer':
      return { id, kind, label, clock: { after: oneDay } };
    case 'decision':
      return { id, kind, label, branches: [] };
    case 'task':
      return {
        id,
        kind,
        label,
        task: { kind: 'call', title: label, priority: 'routine', dueWithin: oneDay },
        outcomes: [],
      };
    case 'escalation':
      return { id, kind, label, steps: [], until: [] };
    case 'end':
      return { id, kind, label, summary: `Journey ended: ${label.toLowerCase()}`, dropOff: false };
  }
}
