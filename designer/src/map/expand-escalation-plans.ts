import type { Blueprint, BlueprintEdge, BlueprintNode } from './blueprint-types';
import { valueAt } from './setting-value';

/*
 * A blueprint draws an escalation round as a generic loop (a cadence timer releasing "a message
 * step" and "a call step", then a window), because its steps are program settings. With the
 * settings at hand the map draws the real plan instead: one node per step with its day, then the
 * day the round closes. A plan is any setting shaped like one (`steps` with `afterDays` and
 * `action`, and `closeAfterDays`): the loop's nodes name it as `<plan>.steps` or
 * `<plan>.closeAfterDays`, so no journey has to say more than it does.
 */

interface PlanStep {
  afterDays: number;
  action: 'message' | 'staff-call';
  channel?: string;
  priority?: string;
  dueWithinHours?: number;
}
interface Plan {
  steps: PlanStep[];
  closeAfterDays: number;
}

const CHANNEL_WORDS: Record<string, string> = {
  default: 'first channel',
  sms: 'SMS',
  email: 'email',
  portal: 'portal',
  letter: 'letter',
};

/** `blueprint` with every escalation loop whose plan `settings` hold replaced by the plan's steps. */
export function expandEscalationPlans(
  blueprint: Blueprint,
  settings: Record<string, unknown> | undefined,
): Blueprint {
  if (!settings) return blueprint;
  let expanded = blueprint;
  for (const planPath of planPaths(blueprint)) {
    const plan = valueAt(settings, planPath);
    if (isPlan(plan)) expanded = expandPlan(expanded, planPath, plan);
  }
  return expanded;
}

function planPaths(blueprint: Blueprint): Set<string> {
  const paths = new Set<string>();
  for (const node of blueprint.nodes) {
    const match = /^(.+)\.(steps|closeAfterDays)$/.exec(node.setting ?? '');
    if (match) paths.add(match[1]!);
  }
  return paths;
}

function expandPlan(blueprint: Blueprint, planPath: string, plan: Plan): Blueprint {
  const inLoop = new Set(
    blueprint.nodes
      .filter((node) => node.setting === `${planPath}.steps` || node.setting === `${planPath}.closeAfterDays`)
      .map((node) => node.id),
  );
  const steps = plan.steps.map((step, index) => stepNode(planPath, step, index + 1));
  const close: BlueprintNode = {
    id: `${planPath}:close`,
    kind: 'timer',
    label: `Day ${plan.closeAfterDays}: close if nothing is booked`,
    description: `The round closes ${plan.closeAfterDays} days after it started (paused time does not count).`,
  };
  const chain = [...steps, close];
  const first = chain[0]!;

  const edges: BlueprintEdge[] = [];
  for (const edge of blueprint.edges) {
    const fromLoop = inLoop.has(edge.from);
    const toLoop = inLoop.has(edge.to);
    if (fromLoop && toLoop) continue; // the generic loop itself: the chain replaces it
    if (toLoop) edges.push({ ...edge, to: first.id });
    else if (fromLoop) edges.push({ ...edge, from: close.id });
    else edges.push(edge);
  }
  chain.slice(1).forEach((node, index) => {
    const gap = (afterDaysOf(plan, index + 1) ?? 0) - (afterDaysOf(plan, index) ?? 0);
    edges.push({
      from: chain[index]!.id,
      to: node.id,
      label: gap > 0 ? `after ${gap} more days` : undefined,
    });
  });

  const nodes = blueprint.nodes.flatMap((node) => {
    if (!inLoop.has(node.id)) return [node];
    // The chain takes the place of the loop's first node, so reading order is kept.
    return node.id === [...inLoop][0] ? chain : [];
  });
  return { ...blueprint, nodes, edges };
}

/** Days of the chain's `index`-th node: a step's day, or the close's after the last step. */
function afterDaysOf(plan: Plan, index: number): number | undefined {
  return index < plan.steps.length ? plan.steps[index]!.afterDays : plan.closeAfterDays;
}

function stepNode(planPath: string, step: PlanStep, stepNumber: number): BlueprintNode {
  const id = `${planPath}:step-${stepNumber}`;
  if (step.action === 'message') {
    const channel = CHANNEL_WORDS[step.channel ?? 'default'] ?? step.channel;
    return {
      id,
      kind: 'message',
      label: `Day ${step.afterDays}: message (${channel})`,
      description: `Step ${stepNumber} of the plan: a message on the ${channel}, ${step.afterDays} days after the round started.`,
    };
  }
  return {
    id,
    kind: 'task',
    label: `Day ${step.afterDays}: staff call (${step.priority ?? 'routine'})`,
    description: `Step ${stepNumber} of the plan: a ${step.priority ?? 'routine'} phone-call task${
      step.dueWithinHours ? `, due within ${step.dueWithinHours} hours` : ''
    }.`,
  };
}

function isPlan(value: unknown): value is Plan {
  if (typeof value !== 'object' || value === null) return false;
  const { steps, closeAfterDays } = value as Record<string, unknown>;
  return (
    typeof closeAfterDays === 'number' &&
    Array.isArray(steps) &&
    steps.length > 0 &&
    steps.every(
      (step: unknown) =>
        typeof step === 'object' &&
        step !== null &&
        typeof (step as PlanStep).afterDays === 'number' &&
        ((step as PlanStep).action === 'message' || (step as PlanStep).action === 'staff-call'),
    )
  );
}
