import {
  journeyDefinitionSchema,
  nextNodesOf,
  type DaysRef,
  type DefinitionNode,
  type DurationRef,
  type FactTime,
  type JourneyDefinition,
  type MessageContent,
  type SettingDeclaration,
} from './definition-schema';
import { refusalRoots, ruleProblems } from './json-logic-subset';

/*
 * The checks a definition must pass before it is published, beyond its shape (the zod schema):
 * each problem names the node and says, in a sentence a designer can act on, what is wrong.
 */

export const problemCodes = [
  'duplicate-id',
  'unknown-node',
  'unknown-stage',
  'unknown-event',
  'unknown-setting',
  'setting-type',
  'setting-default',
  'unreachable',
  'dead-end',
  'no-way-to-end',
  'instant-loop',
  'wait-without-timeout',
  'decision-without-default',
  'task-without-default',
  'invalid-condition',
  'missing-language',
  'no-consent-path',
  'time-may-have-passed',
  'unknown-field',
  'shape',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export interface DefinitionProblem {
  code: ProblemCode;
  /** The node the problem is on, when it is on one. */
  node?: string;
  message: string;
}

/**
 * Channels a patient must have opted in to (a recorded grant): the engagement policy's default
 * (shared/engagement/engagement-policy.ts, `consentWithoutRecord`). The portal is the patient's
 * own inbox; letters and calls go through staff.
 */
const optInChannels = new Set(['email', 'sms']);

/** Node kinds a patient stays in until something happens; the others are passed through at once. */
const instantKinds = new Set<DefinitionNode['kind']>(['decision']);

export type DefinitionCheck =
  | { ok: true; definition: JourneyDefinition; problems: [] }
  | { ok: false; definition?: JourneyDefinition; problems: DefinitionProblem[] };

/**
 * Parses a definition as it arrives (JSON from the designer or a file) and validates it: shape
 * problems first (then the graph is not checked), else the graph's.
 */
export function checkDefinition(input: unknown): DefinitionCheck {
  const parsed = journeyDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const nodes = (input as { nodes?: { id?: unknown }[] } | undefined)?.nodes;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [first, index] = issue.path;
        const id = first === 'nodes' && typeof index === 'number' ? nodes?.[index]?.id : undefined;
        const where = issue.path
          .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
          .join('');
        return {
          code: 'shape' as const,
          ...(typeof id === 'string' ? { node: id } : {}),
          message:
            `${where ? `At ${where.replace(/^\./, '')}` : 'The definition'}: ${issue.message}.`.replace(
              /\.\.$/,
              '.',
            ),
        };
      }),
    };
  }
  const problems = validateDefinition(parsed.data);
  return problems.length === 0
    ? { ok: true, definition: parsed.data, problems: [] }
    : { ok: false, definition: parsed.data, problems };
}

export function validateDefinition(definition: JourneyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (code: ProblemCode, message: string, node?: string) =>
    problems.push({ code, message, ...(node ? { node } : {}) });
  const nodes = new Map<string, DefinitionNode>();
  const name = (node: DefinitionNode) => `"${node.label}" (${node.id})`;

  for (const node of definition.nodes) {
    if (nodes.has(node.id))
      add('duplicate-id', `Two nodes are called ${node.id}: give each its own id.`, node.id);
    nodes.set(node.id, node);
  }
  const stageIds = new Set<string>();
  for (const stage of definition.stages) {
    if (stageIds.has(stage.id)) add('duplicate-id', `Two stages are called ${stage.id}.`);
    stageIds.add(stage.id);
  }
  const events = new Map(definition.events.map((event) => [event.type, event]));
  if (events.size !== definition.events.length) add('duplicate-id', 'An event type is declared twice.');

  if (!nodes.has(definition.start)) {
    add('unknown-node', `The journey starts at ${definition.start}, which is not a node.`);
  }

  for (const event of definition.events) {
    event.refuseWhen?.forEach((refusal, index) => {
      for (const problem of ruleProblems(refusal.when, refusalRoots)) {
        add('invalid-condition', `The event "${event.label}", refusal ${index + 1}: ${problem}.`);
      }
    });
    for (const [fact, field] of Object.entries(event.facts ?? {})) {
      if (!event.fields?.[field]) {
        add(
          'unknown-field',
          `The event "${event.label}" records the fact ${fact} from the field ${field}, which it does not declare.`,
        );
      }
    }
  }
  checkSettingDefaults(definition, add);

  for (const node of definition.nodes) {
    if (node.stage && !stageIds.has(node.stage)) {
      add('unknown-stage', `${name(node)} reports the stage ${node.stage}, which is not declared.`, node.id);
    }
    if (node.kind === 'end' && stageIds.has(node.id)) {
      add(
        'duplicate-id',
        `The end ${name(node)} has the id of a stage: the journey reports an end's id as its last stage.`,
        node.id,
      );
    }
    for (const edge of nextNodesOf(node)) {
      if (!nodes.has(edge.next)) {
        add(
          'unknown-node',
          `${name(node)} goes on (${edge.label}) to ${edge.next}, which is not a node.`,
          node.id,
        );
      }
    }
    checkNode(node);
  }

  checkGraph();
  return problems;

  /**
   * A time before a fact (a reminder ahead of a visit) has passed already when the visit is
   * booked late or reported after it: going on at once would remind the patient of a visit that
   * is past (HZ-54), so the designer must say where the patient goes then.
   */
  function checkTimeBeforeFact(node: DefinitionNode, time: FactTime, whenPassed: string | undefined): void {
    if (!time.before || whenPassed) return;
    add(
      'time-may-have-passed',
      `${name(node)} is timed before ${time.fact}: when that is booked late, or reported after it, the time has already passed. Say where the patient goes then ("When that time has already passed on arrival"), or the step would go on at once.`,
      node.id,
    );
  }

  function checkNode(node: DefinitionNode): void {
    const refs: (DurationRef | DaysRef | undefined)[] = [];
    switch (node.kind) {
      case 'message':
        checkMessage(node, node.message);
        // A way on for a patient no channel reaches is the designer's consent fallback.
        if (!node.onUnreachable) checkConsentPath(node, node.message);
        refs.push(node.message.respondWithin);
        if (!node.next)
          add('dead-end', `${name(node)} does not say where to go once the message is sent.`, node.id);
        break;
      case 'wait':
        for (const edge of node.events) checkEvent(node, edge.event);
        if (!node.timeout) {
          add(
            'wait-without-timeout',
            `${name(node)} has no timeout: a patient whose event never comes would wait forever. Add one.`,
            node.id,
          );
        } else if ('after' in node.timeout) refs.push(node.timeout.after);
        else if ('at' in node.timeout) {
          refs.push(node.timeout.at.after, node.timeout.at.before);
          checkTimeBeforeFact(node, node.timeout.at, node.timeout.whenPassed);
        } else refs.push(node.timeout.deadline.within, node.timeout.deadline.warnBefore);
        if (node.events.length === 0 && !node.timeout) {
          add('dead-end', `${name(node)} waits for nothing.`, node.id);
        }
        break;
      case 'timer':
        if ('after' in node.clock) refs.push(node.clock.after);
        else if ('at' in node.clock) {
          refs.push(node.clock.at.after, node.clock.at.before);
          checkTimeBeforeFact(node, node.clock.at, node.whenPassed);
        } else refs.push(node.clock.deadline.within, node.clock.deadline.warnBefore);
        if (node.whenPassed && !('at' in node.clock)) {
          add(
            'time-may-have-passed',
            `${name(node)} says where to go when its time has already passed, but only a time from a fact can have passed on arrival: remove it or time the node from a fact.`,
            node.id,
          );
        }
        if (!node.next)
          add('dead-end', `${name(node)} does not say where to go when the time comes.`, node.id);
        break;
      case 'decision':
        node.branches.forEach((branch, index) => {
          for (const problem of ruleProblems(branch.when)) {
            add(
              'invalid-condition',
              `${name(node)}, branch ${index + 1} ("${branch.label}"): ${problem}.`,
              node.id,
            );
          }
        });
        if (!node.otherwise) {
          add(
            'decision-without-default',
            `${name(node)} has no "otherwise" branch: a patient no branch fits would be stuck. Add one.`,
            node.id,
          );
        }
        break;
      case 'task':
        refs.push(node.task.dueWithin, node.task.dueAt?.after, node.task.dueAt?.before);
        if (!node.otherwise && !node.next) {
          add(
            'task-without-default',
            `${name(node)} does not say where to go for an outcome it does not list. Add "any other outcome".`,
            node.id,
          );
        }
        break;
      case 'escalation':
        for (const edge of node.until) checkEvent(node, edge.event);
        node.steps.forEach((step) => {
          refs.push(step.after);
          if ('message' in step) {
            checkMessage(node, step.message);
            checkConsentPath(node, step.message);
            refs.push(step.message.respondWithin);
          } else refs.push(step.task.dueWithin, step.task.dueAt?.after, step.task.dueAt?.before);
        });
        if (!node.closeAfter) {
          add(
            'wait-without-timeout',
            `${name(node)} never closes: add "close after" so a patient who never answers leaves it.`,
            node.id,
          );
        } else refs.push(node.closeAfter.after);
        break;
      case 'end':
        break;
    }
    for (const ref of refs) checkSettingRef(node, ref);
  }

  function checkEvent(node: DefinitionNode, type: string): void {
    if (!events.has(type)) {
      add(
        'unknown-event',
        `${name(node)} waits for the event ${type}, which the journey does not declare.`,
        node.id,
      );
    }
  }

  function checkMessage(node: DefinitionNode, message: MessageContent): void {
    for (const language of definition.languages) {
      if (!message.wording[language]?.plain?.any) {
        add(
          'missing-language',
          `${name(node)}: the message ${message.key} has no plain-language text for every channel ("any") in ${language}, which the journey offers.`,
          node.id,
        );
      }
    }
  }

  /**
   * A message written only for opt-in channels (email, SMS) reaches no patient who has not
   * consented to them: it needs text another channel can carry, or a way on when no one is reached.
   */
  function checkConsentPath(node: DefinitionNode, message: MessageContent): void {
    const channels = new Set<string>();
    for (const levels of Object.values(message.wording)) {
      for (const texts of Object.values(levels)) {
        for (const channel of Object.keys(texts)) channels.add(channel);
      }
    }
    // No text at all is the missing language's problem; `any` and non-opt-in texts reach everyone.
    if (channels.size === 0 || [...channels].some((channel) => !optInChannels.has(channel))) return;
    const only = [...channels].sort().join(' and ');
    add(
      'no-consent-path',
      `${name(node)}: the message ${message.key} can go only by ${only}, which need the patient's recorded consent: add text for every channel ("any") or the portal, or say where to go when no channel reaches the patient.`,
      node.id,
    );
  }

  function checkSettingRef(node: DefinitionNode, ref: DurationRef | DaysRef | undefined): void {
    if (ref === undefined || typeof ref === 'number' || !('setting' in ref)) return;
    const declared = definition.settings[ref.setting];
    const wanted: SettingDeclaration['type'] = isDaysContext(node, ref) ? 'days' : 'duration';
    if (!declared) {
      add(
        'unknown-setting',
        `${name(node)} reads the setting ${ref.setting}, which is not declared.`,
        node.id,
      );
    } else if (declared.type !== wanted) {
      add(
        'setting-type',
        `${name(node)} reads the setting ${ref.setting} as ${wanted === 'days' ? 'a number of days' : 'a duration'}, but it is a ${declared.type} setting.`,
        node.id,
      );
    }
  }

  function checkGraph(): void {
    const reachable = new Set<string>();
    const queue = nodes.has(definition.start) ? [definition.start] : [];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (reachable.has(id)) continue;
      reachable.add(id);
      for (const edge of nextNodesOf(nodes.get(id)!)) if (nodes.has(edge.next)) queue.push(edge.next);
    }
    for (const node of definition.nodes) {
      if (!reachable.has(node.id)) {
        add(
          'unreachable',
          `${name(node)} cannot be reached from the start: connect it or delete it.`,
          node.id,
        );
      }
    }
    // Nodes from which some end can be reached, found backwards from the ends.
    const toEnd = new Set(definition.nodes.filter((node) => node.kind === 'end').map((node) => node.id));
    for (let grew = true; grew;) {
      grew = false;
      for (const node of definition.nodes) {
        if (!toEnd.has(node.id) && nextNodesOf(node).some((edge) => toEnd.has(edge.next))) {
          toEnd.add(node.id);
          grew = true;
        }
      }
    }
    for (const node of definition.nodes) {
      if (reachable.has(node.id) && !toEnd.has(node.id) && nextNodesOf(node).length > 0) {
        add(
          'no-way-to-end',
          `No path leads from ${name(node)} to an end: the journey could never finish.`,
          node.id,
        );
      }
    }
    findInstantLoops(reachable);
  }

  /** A loop of decisions only would spin without waiting for anything. */
  function findInstantLoops(reachable: Set<string>): void {
    const instant = definition.nodes.filter((node) => reachable.has(node.id) && instantKinds.has(node.kind));
    const reported = new Set<string>();
    for (const from of instant) {
      const seen = new Set<string>();
      const stack = nextNodesOf(from).map((edge) => edge.next);
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (id === from.id) {
          if (!reported.has(id)) {
            reported.add(id);
            add(
              'instant-loop',
              `${name(from)} leads back to itself through decisions only: put a wait or timer in the loop.`,
              from.id,
            );
          }
          break;
        }
        const node = nodes.get(id);
        if (!node || seen.has(id) || !instantKinds.has(node.kind)) continue;
        seen.add(id);
        stack.push(...nextNodesOf(node).map((edge) => edge.next));
      }
    }
  }
}

function isDaysContext(node: DefinitionNode, ref: DaysRef): boolean {
  const deadlineOf = (value: unknown) =>
    typeof value === 'object' && value !== null && 'deadline' in value
      ? (value as { deadline: { within: DaysRef; warnBefore?: DaysRef } }).deadline
      : undefined;
  const found =
    node.kind === 'wait'
      ? deadlineOf(node.timeout)
      : node.kind === 'timer'
        ? deadlineOf(node.clock)
        : undefined;
  return found !== undefined && (found.within === ref || found.warnBefore === ref);
}

function checkSettingDefaults(
  definition: JourneyDefinition,
  add: (code: ProblemCode, message: string, node?: string) => void,
): void {
  for (const [key, setting] of Object.entries(definition.settings)) {
    if (setting.type !== 'number') continue;
    if (
      (setting.min !== undefined && setting.default < setting.min) ||
      (setting.max !== undefined && setting.default > setting.max)
    ) {
      add('setting-default', `The setting "${setting.title}" (${key}) has a default outside its own limits.`);
    }
  }
}
