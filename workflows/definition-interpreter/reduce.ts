import jsonLogic from 'json-logic-js';
import { DAY_MS } from '../../contracts/durations';
import type { FactValue, JourneyEvent } from '../../contracts/journey-contract';
import type {
  Clock,
  DefinitionNode,
  NodeOfKind,
  EventDeclaration,
  FactTime,
  JourneyDefinition,
  MessageContent,
  StaffTaskSpec,
} from '../../contracts/journey-definitions/definition-schema';
import { whenPassedOf } from '../../contracts/journey-definitions/when-passed';
import {
  resolveDays,
  resolveDurationMs,
  resolveSettings,
  type ResolvedSettings,
} from './definition-settings';
import type {
  InterpreterCommand,
  InterpreterInput,
  InterpreterState,
  Reduction,
  SendMessage,
  TimerPurpose,
} from './interpreter-types';
import { endOfLocalDayAfter } from '../local-days';

/*
 * The pure core of every definition-run journey: (state, input) -> (state, commands). The same
 * function runs in the `definitionJourney` workflow and in the simulator, so a preview shows what
 * the worker will do. No clock, no I/O, no randomness: the input carries the time.
 */

/** Decisions passed through in one input before the journey is stopped as looping (validation refuses such loops). */
const MAX_STEPS_PER_INPUT = 100;

export interface StartOptions {
  /** The patient's time zone: deadlines count the patient's days. */
  timeZone: string;
  /** The published settings version's values; declared defaults fill the rest. */
  settings?: Readonly<Record<string, ResolvedSettings[string]>>;
  /** What the enrolment already knows (a discharge time, a disposition): decisions and clocks read them. */
  facts?: Readonly<Record<string, FactValue>>;
}

export function initialState(definition: JourneyDefinition, options: StartOptions): InterpreterState {
  const firstStage = definition.stages[0]!.id;
  return {
    definition: { id: definition.id, version: definition.version },
    status: 'active',
    stage: firstStage,
    visits: {},
    facts: { ...options.facts },
    outcomes: {},
    timers: {},
    deadlines: [],
    held: [],
    startedAt: 0,
    timeZone: options.timeZone,
    settings: resolveSettings(definition, options.settings),
  };
}

/** Why an event cannot be taken now, or undefined: the workflow's update validator asks this first. */
export function eventRefusal(
  definition: JourneyDefinition,
  state: InterpreterState,
  event: JourneyEvent,
): string | undefined {
  if (state.status === 'completed' || state.status === 'cancelled') {
    return `The journey has already ended (stage "${state.stage}").`;
  }
  const declared = definition.events.find((candidate) => candidate.type === event.type);
  if (!declared) {
    return `This journey does not take "${event.type}" events.`;
  }
  if (!declared.refuseWhen?.length) return undefined;
  const data = {
    event: withUtcDates(event, declared),
    facts: state.facts,
    settings: state.settings,
    outcomes: state.outcomes,
    journey: { node: state.node ?? null, stage: state.stage },
  };
  // A rule that cannot be evaluated counts as not holding, as in decisions: the event is taken.
  const holds = (rule: unknown) => {
    try {
      return jsonLogic.truthy(jsonLogic.apply(rule as never, data));
    } catch {
      return false;
    }
  };
  return declared.refuseWhen.find((refusal) => holds(refusal.when))?.because;
}

/** The event with its declared date fields as UTC ISO text, so rules compare dates as text. */
function withUtcDates(event: JourneyEvent, declared: EventDeclaration): JourneyEvent {
  const copy: JourneyEvent = { ...event };
  for (const [field, type] of Object.entries(declared.fields ?? {})) {
    const value = copy[field];
    if (type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      copy[field] = new Date(value).toISOString();
    }
  }
  return copy;
}

/**
 * Rules that changed after journeys had already run on the earlier ones: the workflow keeps each
 * as its history recorded it (a `patched()` marker), everything else (the simulator, the
 * migration planner) uses the current ones.
 */
export interface ReducerRules {
  /**
   * A fact an event declares mirrors the latest such event: when it leaves the field out, the
   * fact is cleared (null) rather than keeping an earlier event's value (HZ-55).
   */
  clearsFactsEventsLeaveOut: boolean;
}

export const CURRENT_REDUCER_RULES: ReducerRules = { clearsFactsEventsLeaveOut: true };

export function reduce(
  definition: JourneyDefinition,
  current: InterpreterState,
  input: InterpreterInput,
  rules: ReducerRules = CURRENT_REDUCER_RULES,
): Reduction {
  const state = JSON.parse(JSON.stringify(current)) as InterpreterState;
  const commands: InterpreterCommand[] = [];
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const at = input.at;
  const isOpen = () => state.status === 'active' || state.status === 'paused';
  if (!isOpen() && input.type !== 'started') return { state: current, commands: [] };

  switch (input.type) {
    case 'started':
      state.startedAt = at;
      enter(definition.start);
      break;
    case 'timer-fired':
      timerFired(input.id);
      break;
    case 'event':
      eventReceived(input.event, input.by);
      break;
    case 'message-result':
      messageResult(input.step, input.outcome);
      break;
    case 'task-completed':
      taskCompleted(input.step, input.outcome);
      break;
    case 'pause':
      if (state.status !== 'active') break;
      state.status = 'paused';
      commands.push({
        type: 'record',
        kind: 'control',
        summary: `Paused by an operator: ${input.reason}`,
        ...by(input.by),
      });
      break;
    case 'resume':
      if (state.status !== 'paused') break;
      state.status = 'active';
      commands.push({
        type: 'record',
        kind: 'control',
        summary: `Resumed by an operator: ${input.reason}`,
        ...by(input.by),
      });
      commands.push(...state.held);
      state.held = [];
      break;
    case 'cancel':
      end('cancelled', 'cancelled', `Cancelled: ${input.reason}`, false, input.by);
      break;
  }
  return { state, commands };

  // --- moving through the graph ------------------------------------------------------------

  function enter(first: string): void {
    let nextId: string | undefined = first;
    for (let steps = 0; nextId !== undefined; steps++) {
      if (steps >= MAX_STEPS_PER_INPUT) {
        stuck(`the flow passed ${MAX_STEPS_PER_INPUT} decisions without waiting for anything`);
        return;
      }
      const node = nodes.get(nextId);
      if (!node) {
        stuck(`it reached ${nextId}, which is not a node`);
        return;
      }
      nextId = arrive(node);
    }
  }

  /** Enters a node: acts, and returns the next node when the node is passed through at once. */
  function arrive(node: DefinitionNode): string | undefined {
    state.node = node.id;
    state.awaiting = undefined;
    const visit = (state.visits[node.id] = (state.visits[node.id] ?? 0) + 1);
    const step = visit === 1 ? node.id : `${node.id}-${visit}`;
    if (node.stage && node.stage !== state.stage) {
      state.stage = node.stage;
      const label = definition.stages.find((stage) => stage.id === node.stage)?.label ?? node.stage;
      commands.push({ type: 'set-stage', stage: node.stage, summary: label });
    }
    const early = state.early ?? [];
    const passedThrough =
      node.kind === 'message' || node.kind === 'decision' || (node.kind === 'task' && node.next);
    if (!passedThrough) delete state.early;
    const taken =
      node.kind === 'wait'
        ? node.events.find((edge) => early.includes(edge.event))
        : node.kind === 'escalation'
          ? node.until.find((edge) => early.includes(edge.event))
          : undefined;
    if (taken) {
      state.outcomes[node.id] = taken.event;
      return taken.next;
    }
    switch (node.kind) {
      case 'message':
        state.awaiting = { kind: 'message', step };
        send(node.id, step, node.message, true);
        return undefined;
      case 'wait':
        if (node.timeout) {
          const passed = 'at' in node.timeout ? passedOnArrival(node, node.timeout.at) : undefined;
          if (passed) return passed;
          startClock(node, step, 'timeout', node.timeout);
        }
        return undefined;
      case 'timer': {
        const passed = 'at' in node.clock ? passedOnArrival(node, node.clock.at) : undefined;
        if (passed) return passed;
        startClock(node, step, 'elapsed', node.clock);
        return undefined;
      }
      case 'decision':
        return decide(node);
      case 'task':
        if (node.next) {
          createTask(node.id, step, node.task, false);
          return node.next;
        }
        state.awaiting = { kind: 'task', step };
        createTask(node.id, step, node.task, true);
        return undefined;
      case 'escalation':
        node.steps.forEach((planned, index) => {
          startTimer(
            `${step}:step-${index + 1}`,
            { purpose: 'escalation-step', node: node.id, index },
            {
              clock: 'active',
              afterMs: resolveDurationMs(planned.after, state.settings),
              label: `${node.label}: step ${index + 1}`,
            },
          );
        });
        if (node.closeAfter) {
          startTimer(
            `${step}:close`,
            { purpose: 'close', node: node.id },
            {
              clock: 'active',
              afterMs: resolveDurationMs(node.closeAfter.after, state.settings),
              label: `${node.label}: closes`,
            },
          );
        }
        return undefined;
      case 'end':
        end(node.status ?? 'completed', node.id, node.summary, node.dropOff);
        return undefined;
    }
  }

  /** Leaves the current node: its timers stop, and its deadline, if still running, is met. */
  function leave(outcome: string): void {
    const nodeId = state.node;
    if (!nodeId) return;
    state.outcomes[nodeId] = outcome;
    for (const [id, timer] of Object.entries(state.timers)) {
      if (timer.node !== nodeId) continue;
      delete state.timers[id];
      commands.push({ type: 'cancel-timer', id });
      if (timer.purpose !== 'warn' && timer.purpose !== 'escalation-step' && timer.deadline) {
        settleDeadline(timer.deadline, 'met');
      }
    }
    state.awaiting = undefined;
  }

  function go(outcome: string, next: string | undefined): void {
    leave(outcome);
    if (next === undefined) {
      stuck(`the node ${state.node ?? '?'} has nowhere to go after "${outcome}"`);
      return;
    }
    enter(next);
  }

  function decide(node: Extract<DefinitionNode, { kind: 'decision' }>): string | undefined {
    const data = {
      facts: state.facts,
      settings: state.settings,
      outcomes: state.outcomes,
      journey: { daysSinceStart: Math.floor((at - state.startedAt) / DAY_MS) },
    };
    for (const branch of node.branches) {
      let holds: boolean;
      try {
        holds = jsonLogic.truthy(jsonLogic.apply(branch.when as never, data));
      } catch {
        commands.push({
          type: 'record',
          kind: 'control',
          summary: `${node.label}: the condition "${branch.label}" could not be evaluated; it counts as not met`,
          ref: node.id,
        });
        holds = false;
      }
      if (holds) {
        state.outcomes[node.id] = branch.label;
        return branch.next;
      }
    }
    state.outcomes[node.id] = 'otherwise';
    if (!node.otherwise) stuck(`no branch of "${node.label}" applies and it has no "otherwise"`);
    return node.otherwise;
  }

  // --- inputs ------------------------------------------------------------------------------

  function timerFired(id: string): void {
    const timer = state.timers[id];
    if (!timer) return;
    delete state.timers[id];
    const node = nodes.get(timer.node);
    if (!node) return;
    switch (timer.purpose) {
      case 'warn':
        warnDeadline(timer.node, timer.deadline);
        return;
      case 'escalation-step': {
        if (node.kind !== 'escalation') return;
        const planned = node.steps[timer.index];
        const step = `${id.slice(0, id.lastIndexOf(':'))}/step-${timer.index + 1}`;
        if (planned && 'message' in planned) send(node.id, step, planned.message, false);
        else if (planned) createTask(node.id, step, planned.task, false);
        return;
      }
      case 'timeout':
      case 'elapsed':
      case 'close': {
        if (timer.deadline) breachDeadline(node, timer.deadline);
        else if (timer.purpose !== 'elapsed') {
          commands.push({
            type: 'record',
            kind: 'deadline',
            summary: `${node.label}: time is up`,
            ref: node.id,
          });
        }
        const next =
          node.kind === 'wait'
            ? node.timeout?.next
            : node.kind === 'timer'
              ? node.next
              : node.kind === 'escalation'
                ? node.closeAfter?.next
                : undefined;
        go(timer.purpose === 'close' ? 'closed' : timer.purpose, next);
        return;
      }
    }
  }

  function eventReceived(event: JourneyEvent, sender: string | undefined): void {
    const declared = definition.events.find((candidate) => candidate.type === event.type);
    if (!declared) return;
    const facts: Record<string, FactValue> = {};
    for (const [fact, field] of Object.entries(declared.facts ?? {})) {
      const value = event[field];
      // A later emergency visit without its disposition must not read as the earlier visit's (HZ-55).
      if (value === undefined) {
        if (rules.clearsFactsEventsLeaveOut) facts[fact] = null;
        continue;
      }
      facts[fact] = isFactValue(value) ? value : JSON.stringify(value);
    }
    state.facts = { ...state.facts, ...facts };
    commands.push({ type: 'record', kind: 'event', summary: declared.label, ref: event.type, ...by(sender) });
    const node = state.node ? nodes.get(state.node) : undefined;
    const edge =
      node?.kind === 'wait'
        ? node.events.find((candidate) => candidate.event === event.type)
        : node?.kind === 'escalation'
          ? node.until.find((candidate) => candidate.event === event.type)
          : undefined;
    if (edge && node?.kind === 'escalation') closeEscalationTasks(node, event.type, declared.label);
    if (edge) go(event.type, edge.next);
    // Before the first node (an event kept from before the enrolment, HZ-35) as at a node passed
    // through: a wait the journey reaches next takes it at once.
    else if (!node || node.kind === 'message' || node.kind === 'decision') {
      state.early = [...new Set([...(state.early ?? []), event.type])];
    }
  }

  function messageResult(step: string, outcome: 'sent' | 'unreachable' | 'deceased'): void {
    if (outcome === 'deceased') {
      // Nothing more reaches a patient recorded as deceased (safety invariant 8).
      end('cancelled', 'cancelled', 'Journey ended: the EHR records the patient as deceased', false, 'EHR');
      return;
    }
    if (state.awaiting?.kind !== 'message' || state.awaiting.step !== step) return;
    const node = nodes.get(state.node!);
    if (node?.kind !== 'message') return;
    go(outcome, outcome === 'unreachable' ? (node.onUnreachable ?? node.next) : node.next);
  }

  function taskCompleted(step: string, outcome: string): void {
    if (state.awaiting?.kind !== 'task' || state.awaiting.step !== step) return;
    const node = nodes.get(state.node!);
    if (node?.kind !== 'task') return;
    commands.push({ type: 'record', kind: 'task', summary: `${node.task.title}: ${outcome}`, ref: step });
    go(outcome, node.outcomes.find((candidate) => candidate.outcome === outcome)?.next ?? node.otherwise);
  }

  // --- commands ----------------------------------------------------------------------------

  function send(node: string, step: string, message: MessageContent, awaited: boolean): void {
    const command: SendMessage = {
      type: 'send-message',
      step,
      node,
      message,
      awaited,
      ...(message.respondWithin
        ? { respondWithinMs: resolveDurationMs(message.respondWithin, state.settings) }
        : {}),
    };
    if (state.status === 'paused') {
      state.held.push(command);
      commands.push({
        type: 'record',
        kind: 'control',
        summary: `Message "${message.key}" held while the journey is paused`,
        ref: step,
      });
      return;
    }
    commands.push(command);
  }

  function createTask(node: string, step: string, task: StaffTaskSpec, awaited: boolean): void {
    const dueMs = task.dueAt ? factTimeMs(task.dueAt) : undefined;
    const dueAt = new Date(dueMs ?? at + resolveDurationMs(task.dueWithin, state.settings)).toISOString();
    commands.push({
      type: 'create-task',
      step,
      node,
      task: { kind: task.kind, title: task.title, priority: task.priority, dueAt },
      awaited,
    });
  }

  function startTimer(
    id: string,
    purpose: TimerPurpose,
    timer:
      { clock: 'active'; afterMs: number; label: string } | { clock: 'wall'; dueAt: number; label: string },
  ): void {
    state.timers[id] = purpose;
    commands.push({ type: 'start-timer', id, ...timer });
  }

  function startClock(
    node: DefinitionNode,
    step: string,
    purpose: 'timeout' | 'elapsed',
    clock: Clock,
  ): void {
    if ('after' in clock) {
      startTimer(
        `${step}:${purpose}`,
        { purpose, node: node.id },
        {
          clock: 'active',
          afterMs: resolveDurationMs(clock.after, state.settings),
          label: node.label,
        },
      );
      return;
    }
    if ('at' in clock) {
      const dueAt = factTimeMs(clock.at);
      if (dueAt === undefined) {
        stuck(`${node.label} waits for a time from the fact ${clock.at.fact}, which holds no date`);
        return;
      }
      startTimer(
        `${step}:${purpose}`,
        { purpose, node: node.id },
        { clock: 'wall', dueAt, label: node.label },
      );
      return;
    }
    const { deadline } = clock;
    const days = resolveDays(deadline.within, state.settings);
    const dueAt = endOfLocalDayAfter(at, days, deadline.count, state.timeZone);
    state.deadlines.push({
      id: step,
      label: deadline.label,
      dueAt: new Date(dueAt).toISOString(),
      status: 'pending',
    });
    startTimer(
      `${step}:${purpose}`,
      { purpose, node: node.id, deadline: step },
      {
        clock: 'wall',
        dueAt,
        label: deadline.label,
      },
    );
    if (deadline.warnBefore === undefined) return;
    const warnDays = days - resolveDays(deadline.warnBefore, state.settings);
    const warnAt = endOfLocalDayAfter(at, Math.max(0, warnDays), deadline.count, state.timeZone);
    if (warnDays > 0 && warnAt < dueAt) {
      startTimer(
        `${step}:warn`,
        { purpose: 'warn', node: node.id, deadline: step },
        {
          clock: 'wall',
          dueAt: warnAt,
          label: `${deadline.label}: warning`,
        },
      );
    }
  }

  /**
   * Where a patient goes instead of waiting when the node's time from a fact has already passed
   * as they arrive and the node says where (`whenPassed`): the reminder before a visit booked
   * late, or reported after it, is skipped rather than sent at once (HZ-54). Definitions
   * published before `whenPassed` existed cannot hold it, so their histories replay unchanged.
   */
  function passedOnArrival(
    node: NodeOfKind<'wait'> | NodeOfKind<'timer'>,
    time: FactTime,
  ): string | undefined {
    const next = whenPassedOf(node);
    const dueAt = next === undefined ? undefined : factTimeMs(time);
    if (next === undefined || dueAt === undefined || dueAt >= at) return undefined;
    state.outcomes[node.id] = 'already-passed';
    commands.push({
      type: 'record',
      kind: 'control',
      summary: `${node.label}: its time (${new Date(dueAt).toISOString()}) had already passed, so it was skipped`,
      ref: node.id,
    });
    return next;
  }

  function factTimeMs(time: FactTime): number | undefined {
    return factTimeOf(time, state.facts, state.settings);
  }

  /** An escalation plan answered by the event it waited for: the calls it raised have no purpose left (HZ-95). */
  function closeEscalationTasks(node: NodeOfKind<'escalation'>, outcome: string, label: string): void {
    const visit = state.visits[node.id] ?? 1;
    const step = visit === 1 ? node.id : `${node.id}-${visit}`;
    // Only once a task step came due (its timer fired): before that, there is nothing to close.
    const raised = node.steps.some(
      (planned, index) => 'task' in planned && !state.timers[`${step}:step-${index + 1}`],
    );
    if (!raised) return;
    commands.push({
      type: 'close-tasks',
      stepsContaining: `${step}/step-`,
      outcome,
      note: `${label}: the escalation's staff tasks are no longer needed`,
    });
  }

  function warnDeadline(nodeId: string, deadlineId: string): void {
    const deadline = state.deadlines.find((candidate) => candidate.id === deadlineId);
    if (!deadline || deadline.status !== 'pending') return;
    deadline.warnedAt = new Date(at).toISOString();
    commands.push({
      type: 'record',
      kind: 'deadline',
      summary: `Deadline approaching: ${deadline.label}`,
      ref: deadlineId,
    });
    commands.push({
      type: 'create-task',
      step: `${deadlineId}/warning`,
      node: nodeId,
      task: {
        kind: 'deadline-warning',
        title: `Deadline approaching: ${deadline.label}`,
        priority: 'routine',
        dueAt: deadline.dueAt,
      },
      awaited: false,
    });
  }

  /** A deadline that passes always reaches a person (safety invariant 4). */
  function breachDeadline(node: DefinitionNode, deadlineId: string): void {
    const deadline = settleDeadline(deadlineId, 'breached');
    if (!deadline) return;
    commands.push({
      type: 'record',
      kind: 'deadline',
      summary: `Deadline passed: ${deadline.label}`,
      ref: deadlineId,
    });
    commands.push({
      type: 'create-task',
      step: `${deadlineId}/breach`,
      node: node.id,
      task: {
        kind: 'deadline-breach',
        title: `Deadline passed: ${deadline.label}`,
        priority: 'urgent',
        dueAt: new Date(at).toISOString(),
      },
      awaited: false,
    });
  }

  function settleDeadline(id: string, status: 'met' | 'breached' | 'void') {
    const deadline = state.deadlines.find((candidate) => candidate.id === id);
    if (!deadline || deadline.status !== 'pending') return undefined;
    deadline.status = status;
    const when = new Date(at).toISOString();
    if (status === 'met') deadline.metAt = when;
    if (status === 'breached') deadline.breachedAt = when;
    return deadline;
  }

  function end(
    status: 'completed' | 'cancelled',
    stage: string,
    summary: string,
    dropOff: boolean,
    sender?: string,
  ) {
    for (const id of Object.keys(state.timers)) commands.push({ type: 'cancel-timer', id });
    state.timers = {};
    for (const deadline of state.deadlines)
      if (deadline.status === 'pending') settleDeadline(deadline.id, 'void');
    state.status = status;
    state.stage = stage;
    state.node = undefined;
    state.awaiting = undefined;
    state.held = [];
    state.dropOff = dropOff;
    commands.push({ type: 'end', status, stage, summary, dropOff, ...by(sender) });
  }

  /** A definition that passed validation never gets here; if one does, a person hears of it. */
  function stuck(why: string): void {
    commands.push({ type: 'record', kind: 'control', summary: `The journey cannot go on: ${why}` });
    commands.push({
      type: 'create-task',
      step: `stuck-${Object.values(state.visits).reduce((sum, count) => sum + count, 0)}`,
      node: state.node ?? definition.start,
      task: {
        kind: 'journey-stuck',
        title: 'A journey cannot go on: review its definition and the patient',
        priority: 'urgent',
        dueAt: new Date(at).toISOString(),
      },
      awaited: false,
    });
  }
}

function by(sender: string | undefined): { by?: string } {
  return sender ? { by: sender } : {};
}

function isFactValue(value: unknown): value is FactValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A moment from a fact holding a date, moved by the durations; undefined when the fact holds no date. */
export function factTimeOf(
  time: FactTime,
  facts: InterpreterState['facts'],
  settings: InterpreterState['settings'],
): number | undefined {
  const value = facts[time.fact];
  const base = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(base)) return undefined;
  const after = time.after ? resolveDurationMs(time.after, settings) : 0;
  const before = time.before ? resolveDurationMs(time.before, settings) : 0;
  return base + after - before;
}
