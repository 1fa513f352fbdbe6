import type {
  Deadline,
  DefinitionNode,
  FactTime,
  JourneyDefinition,
  MessageContent,
  NodeKind,
  SettingValue,
} from '../../contracts/journey-definitions/definition-schema';
import { whenPassedOf } from '../../contracts/journey-definitions/when-passed';
import { endOfLocalDayAfter } from '../local-days';
import {
  resolveDays,
  resolveDurationMs,
  resolveSettings,
  type ResolvedSettings,
} from './definition-settings';
import type {
  HostTimer,
  InterpreterCommand,
  InterpreterState,
  SendMessage,
  TimerPurpose,
} from './interpreter-types';
import { factTimeOf } from './reduce';

/*
 * Moving a running journey from its pinned definition version to a newer one: where the patient
 * lands, which timers keep, move, drop or are added, which messages go out, are skipped or are
 * repeated; or why it cannot move. Pure and deterministic: the `definitionJourney` workflow runs
 * it in the read-only `migrationPlan` query (the designer's dry run) and again in the `migrate`
 * update, on the same state, so the dry run predicts exactly what the apply does.
 *
 * The patient does not re-enter the node they are at: timers keep their start (the moment the
 * node was entered) and take version N+1's durations; a message already sent or on its way is
 * not sent again; an escalation step that already ran does not run again.
 */

/** Old node id -> new node id; a node not named keeps its id. */
export type NodeMapping = Readonly<Record<string, string>>;

export interface MigrationInput {
  /** The version the journey is pinned to, and the one it moves to. */
  from: JourneyDefinition;
  to: JourneyDefinition;
  state: InterpreterState;
  /** The workflow's running timers, by id (the reducer's timer ids). */
  timers: Readonly<Record<string, HostTimer>>;
  /** When the patient entered the node they are at; unknown for a run carried over from before migrations. */
  entered?: { at: number; activeMs: number };
  /**
   * The wall and active clocks read at one moment (in a query, the workflow's last task): only
   * their difference is used, so a plan does not depend on when it is asked for.
   */
  now: number;
  activeNowMs: number;
  mapping?: NodeMapping;
  /** The program settings the journey was enrolled with; version N+1's defaults fill the rest. */
  programSettings?: Readonly<Record<string, SettingValue>>;
}

export const refusalCodes = [
  'ended',
  'paused',
  'not-a-newer-version',
  'node-removed',
  'target-missing',
  'kind-changed',
  'stage-removed',
  'entry-time-unknown',
  'time-passed',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/**
 * Refusals that come from the versions and the mapping, not from one journey's moment: a patient
 * would be left at a node or in a stage that no longer exists. A migration request that selects
 * any such patient is refused whole.
 */
export const STRANDING_REFUSALS: readonly RefusalCode[] = [
  'node-removed',
  'target-missing',
  'kind-changed',
  'stage-removed',
];

export interface TimerChange {
  id: string;
  label: string;
  clock: 'active' | 'wall';
  change: 'kept' | 'moved' | 'dropped' | 'added';
  /** ISO; an active-clock timer's as it stands now (it runs on unless the journey is paused). */
  dueBefore?: string;
  dueAfter?: string;
}

export interface MessageChange {
  /** The outbox step: sends are once per step. */
  step: string;
  key: string;
  /** `send`: new to this patient; `skip`: already sent or on its way; `repeat`: sent before, and sent again. */
  action: 'send' | 'skip' | 'repeat';
  why: string;
  /** When it goes out (ISO): an escalation step's due time, at once if that has passed; absent for at once. */
  dueAt?: string;
}

interface PlanBase {
  journeyDefinition: string;
  fromVersion: number;
  toVersion: number;
  from: { node: string | null; stage: string };
}

export type MigrationPlan =
  | (PlanBase & { outcome: 'refused'; code: RefusalCode; reason: string })
  | (PlanBase & {
      outcome: 'migrate';
      landsAt: { node: string; stage: string; kind: NodeKind };
      timers: TimerChange[];
      messages: MessageChange[];
      notes: string[];
    });

/** What the workflow does to apply a plan: never shown, as the state holds the journey's facts. */
export interface MigrationApply {
  state: InterpreterState;
  /** Every timer after the move; the host keeps those unchanged and restarts the others. */
  timers: Record<string, HostTimer>;
  /** Carried out as the reducer's commands are. */
  commands: InterpreterCommand[];
}

export interface MigrationPlanning {
  plan: MigrationPlan;
  apply?: MigrationApply;
}

/** A timer version N+1 wants at the node, named as the reducer names it. */
interface WantedTimer {
  id: string;
  purpose: TimerPurpose;
  label: string;
  due:
    | { clock: 'active'; afterMs: number }
    | { clock: 'wall'; deadline: Deadline; warning: boolean }
    /** At a time read from a journey fact (undefined when the fact holds no date). */
    | { clock: 'fact'; dueAt: number | undefined };
  /** An escalation step's message: sent when the step fires. */
  message?: MessageContent;
}

export function planMigration(input: MigrationInput): MigrationPlanning {
  const { from, to, state } = input;
  const mapping = input.mapping ?? {};
  const base: PlanBase = {
    journeyDefinition: state.definition.id,
    fromVersion: state.definition.version,
    toVersion: to.version,
    from: { node: state.node ?? null, stage: state.stage },
  };
  const refuse = (code: RefusalCode, reason: string): MigrationPlanning => ({
    plan: { ...base, outcome: 'refused', code, reason },
  });
  if (state.status === 'completed' || state.status === 'cancelled' || state.node === undefined) {
    return refuse('ended', `The journey has already ended (stage "${state.stage}").`);
  }
  if (to.id !== state.definition.id || to.version <= state.definition.version) {
    return refuse(
      'not-a-newer-version',
      `The journey runs version ${state.definition.version} of "${state.definition.id}"; version ${to.version} of "${to.id}" is not newer.`,
    );
  }
  if (state.status === 'paused') {
    return refuse(
      'paused',
      'The journey is paused: its held messages and stopped clocks stay as they are. Resume it, or migrate it later.',
    );
  }
  const old = from.nodes.find((node) => node.id === state.node);
  if (!old)
    return refuse('node-removed', `The journey is at ${state.node}, which its own version does not have.`);
  const mapped = mapping[old.id];
  const target = to.nodes.find((node) => node.id === (mapped ?? old.id));
  if (!target) {
    return mapped
      ? refuse(
          'target-missing',
          `The mapping sends ${old.id} to ${mapped}, which version ${to.version} does not have.`,
        )
      : refuse(
          'node-removed',
          `The patient is at ${old.id} ("${old.label}"), which version ${to.version} removed: map it to a node of version ${to.version}.`,
        );
  }
  if (target.kind !== old.kind) {
    return refuse(
      'kind-changed',
      `${old.id} is a ${old.kind} node and ${target.id} (version ${to.version}) a ${target.kind} node: what the patient is waiting for cannot carry over.`,
    );
  }
  const stage = target.stage ?? state.stage;
  if (!to.stages.some((candidate) => candidate.id === stage)) {
    return refuse(
      'stage-removed',
      `The patient would be left in the stage "${stage}", which version ${to.version} no longer has: map ${old.id} to a node in one of its stages.`,
    );
  }

  const settings = resolveSettings(to, input.programSettings);
  const step = currentStep(state, old);
  const next: InterpreterState = JSON.parse(JSON.stringify(state)) as InterpreterState;
  next.definition = { id: to.id, version: to.version };
  next.settings = settings;
  next.node = target.id;
  next.stage = stage;
  // A later visit of the target node gets step keys of its own, never the ones running now.
  if (target.id !== old.id) next.visits[target.id] = (next.visits[target.id] ?? 0) + 1;
  const commands: InterpreterCommand[] = [];
  if (stage !== state.stage) {
    const label = to.stages.find((candidate) => candidate.id === stage)?.label ?? stage;
    commands.push({ type: 'set-stage', stage, summary: label });
  }
  const notes: string[] = [];
  const messages: MessageChange[] = [];
  const sentKeys = keysSentBefore(from, state);

  // --- timers: N+1's timers for this node, started when the patient entered it ---------------
  const oldWanted = new Map(
    wantedTimers(old, step, state.settings, state.facts).map((timer) => [timer.id, timer]),
  );
  const entryActive = activeEntry(input, oldWanted);
  const timerChanges: TimerChange[] = [];
  const hostTimers: Record<string, HostTimer> = {};
  next.timers = {};
  for (const wanted of wantedTimers(target, step, settings, state.facts)) {
    const running = input.timers[wanted.id];
    const ranBefore = !running && oldWanted.has(wanted.id);
    if (ranBefore) {
      // A step that already ran, or a warning already given: not again.
      if (wanted.message) {
        messages.push({
          step: escalationStep(wanted.id),
          key: wanted.message.key,
          action: 'skip',
          why: `This escalation step already ran in version ${state.definition.version}.`,
        });
      }
      continue;
    }
    let timer: HostTimer;
    if (wanted.due.clock === 'active') {
      if (entryActive === undefined) {
        return refuse('entry-time-unknown', entryUnknown(old));
      }
      timer = { clock: 'active', activeAt: entryActive + wanted.due.afterMs, label: wanted.label };
    } else if (wanted.due.clock === 'fact') {
      // The reducer leaves such a node stuck when the fact holds no date; a migration does not move a patient there.
      if (wanted.due.dueAt === undefined) return refuse('entry-time-unknown', entryUnknown(old));
      // The reducer sends a patient arriving after such a time to `whenPassed` instead of on at
      // once (HZ-54); a patient already waiting there is not moved on by a migration.
      const skipTo = target.kind === 'wait' || target.kind === 'timer' ? whenPassedOf(target) : undefined;
      if (skipTo !== undefined && wanted.due.dueAt < input.now) {
        return refuse(
          'time-passed',
          `Under version ${to.version}, ${target.id} ("${target.label}") would be due at ${iso(wanted.due.dueAt)}, which has passed: its step would go on at once, where a patient arriving now goes to ${skipTo}. Map ${old.id} to the node the patient should be at.`,
        );
      }
      timer = { clock: 'wall', dueAt: wanted.due.dueAt, label: wanted.label };
    } else {
      const dueAt = wallDue(
        wanted.due.deadline,
        wanted.due.warning,
        settings,
        input,
        oldWanted.get(wanted.id),
      );
      if (dueAt === undefined) return refuse('entry-time-unknown', entryUnknown(old));
      if (dueAt === null) continue; // no warning: the deadline is too close for one
      timer = { clock: 'wall', dueAt, label: wanted.label };
    }
    const dueAfter = wallTimeOf(timer, input);
    const change: TimerChange['change'] = !running ? 'added' : sameTimer(running, timer) ? 'kept' : 'moved';
    timerChanges.push({
      id: wanted.id,
      label: wanted.label,
      clock: timer.clock,
      change,
      ...(running ? { dueBefore: iso(wallTimeOf(running, input)) } : {}),
      dueAfter: iso(dueAfter),
    });
    next.timers[wanted.id] = { ...wanted.purpose, node: target.id };
    hostTimers[wanted.id] = running && sameTimer(running, timer) ? running : timer;
    if (wanted.message && !running) {
      messages.push({
        ...outgoing(
          escalationStep(wanted.id),
          wanted.message.key,
          sentKeys,
          `A step version ${to.version} adds.`,
        ),
        dueAt: iso(dueAfter),
      });
    }
  }
  for (const [id, running] of Object.entries(input.timers)) {
    if (hostTimers[id] || timerChanges.some((change) => change.id === id)) continue;
    timerChanges.push({
      id,
      label: running.label,
      clock: running.clock,
      change: 'dropped',
      dueBefore: iso(wallTimeOf(running, input)),
    });
    commands.push({ type: 'cancel-timer', id });
  }
  settleDeadline(next, step, target, hostTimers);

  // --- the node's own message or task -----------------------------------------------------------
  if (old.kind === 'message' && target.kind === 'message' && state.awaiting?.kind === 'message') {
    if (target.message.key === old.message.key) {
      messages.push({
        step: state.awaiting.step,
        key: old.message.key,
        action: 'skip',
        why: 'Already sent or on its way (sent once by wording key).',
      });
    } else {
      const newStep = `${state.awaiting.step}/v${to.version}`;
      next.awaiting = { kind: 'message', step: newStep };
      messages.push(
        outgoing(newStep, target.message.key, sentKeys, `The wording changed from "${old.message.key}".`),
      );
      commands.push(sendCommand(target, newStep, target.message, settings));
    }
  }
  if (
    old.kind === 'task' &&
    target.kind === 'task' &&
    JSON.stringify(old.task) !== JSON.stringify(target.task)
  ) {
    notes.push(
      `The open staff task stays as version ${state.definition.version} created it; its outcomes now lead where version ${to.version} says.`,
    );
  }

  return {
    plan: {
      ...base,
      outcome: 'migrate',
      landsAt: { node: target.id, stage, kind: target.kind },
      timers: timerChanges.sort((a, b) => a.id.localeCompare(b.id)),
      messages,
      notes,
    },
    apply: { state: next, timers: hostTimers, commands },
  };
}

/**
 * The step the patient's node runs under: what its timers, deadline and awaited result are keyed
 * by. Read from a running timer first, since a node reached by an earlier migration's mapping
 * keeps the step of the node it was mapped from.
 */
function currentStep(state: InterpreterState, node: DefinitionNode): string {
  const running = Object.keys(state.timers)[0];
  if (running) return running.slice(0, running.lastIndexOf(':'));
  const pending = state.deadlines.find((deadline) => deadline.status === 'pending');
  if (pending) return pending.id;
  const visit = state.visits[node.id] ?? 1;
  return visit === 1 ? node.id : `${node.id}-${visit}`;
}

/** The timers the reducer starts when a patient enters `node` (reduce.ts `arrive`), by the same ids. */
function wantedTimers(
  node: DefinitionNode,
  step: string,
  settings: ResolvedSettings,
  facts: InterpreterState['facts'],
): WantedTimer[] {
  const clockTimers = (
    purpose: 'timeout' | 'elapsed',
    clock: { after: unknown } | { deadline: Deadline } | { at: FactTime },
  ): WantedTimer[] => {
    if ('at' in clock) {
      return [
        {
          id: `${step}:${purpose}`,
          purpose: { purpose, node: node.id },
          label: node.label,
          due: { clock: 'fact', dueAt: factTimeOf(clock.at, facts, settings) },
        },
      ];
    }
    if ('deadline' in clock) {
      const deadlineTimers: WantedTimer[] = [
        {
          id: `${step}:${purpose}`,
          purpose: { purpose, node: node.id, deadline: step },
          label: clock.deadline.label,
          due: { clock: 'wall', deadline: clock.deadline, warning: false },
        },
      ];
      if (clock.deadline.warnBefore !== undefined) {
        deadlineTimers.push({
          id: `${step}:warn`,
          purpose: { purpose: 'warn', node: node.id, deadline: step },
          label: `${clock.deadline.label}: warning`,
          due: { clock: 'wall', deadline: clock.deadline, warning: true },
        });
      }
      return deadlineTimers;
    }
    const after = (clock as { after: Parameters<typeof resolveDurationMs>[0] }).after;
    return [
      {
        id: `${step}:${purpose}`,
        purpose: { purpose, node: node.id },
        label: node.label,
        due: { clock: 'active' as const, afterMs: resolveDurationMs(after, settings) },
      },
    ];
  };
  switch (node.kind) {
    case 'wait':
      return node.timeout ? clockTimers('timeout', node.timeout) : [];
    case 'timer':
      return clockTimers('elapsed', node.clock);
    case 'escalation':
      return [
        ...node.steps.map((planned, index): WantedTimer => ({
          id: `${step}:step-${index + 1}`,
          purpose: { purpose: 'escalation-step', node: node.id, index },
          label: `${node.label}: step ${index + 1}`,
          due: { clock: 'active', afterMs: resolveDurationMs(planned.after, settings) },
          ...('message' in planned ? { message: planned.message } : {}),
        })),
        ...(node.closeAfter
          ? [
              {
                id: `${step}:close`,
                purpose: { purpose: 'close', node: node.id } as TimerPurpose,
                label: `${node.label}: closes`,
                due: {
                  clock: 'active' as const,
                  afterMs: resolveDurationMs(node.closeAfter.after, settings),
                },
              },
            ]
          : []),
      ];
    default:
      return [];
  }
}

/**
 * The active-clock time the patient entered the node: the host's record, or worked back from a
 * timer of the old version still running (it was started at entry with the old duration).
 */
function activeEntry(input: MigrationInput, oldWanted: Map<string, WantedTimer>): number | undefined {
  if (input.entered) return input.entered.activeMs;
  for (const [id, wanted] of oldWanted) {
    const running = input.timers[id];
    if (running?.clock === 'active' && wanted.due.clock === 'active')
      return running.activeAt - wanted.due.afterMs;
  }
  return undefined;
}

/**
 * A deadline's (or its warning's) due time counted from entry in the patient's zone; undefined
 * when the entry is unknown and the deadline changed; null for a warning the deadline has no room for.
 */
function wallDue(
  deadline: Deadline,
  warning: boolean,
  settings: ResolvedSettings,
  input: MigrationInput,
  old: WantedTimer | undefined,
): number | null | undefined {
  const { entered, state } = input;
  if (!entered) {
    const running = old && input.timers[old.id];
    const unchanged =
      old?.due.clock === 'wall' && JSON.stringify(old.due.deadline) === JSON.stringify(deadline);
    return unchanged && running?.clock === 'wall' ? running.dueAt : undefined;
  }
  const days = resolveDays(deadline.within, settings);
  const dueAt = endOfLocalDayAfter(entered.at, days, deadline.count, state.timeZone);
  if (!warning) return dueAt;
  if (deadline.warnBefore === undefined) return null;
  const warnDays = days - resolveDays(deadline.warnBefore, settings);
  const warnAt = endOfLocalDayAfter(entered.at, Math.max(0, warnDays), deadline.count, state.timeZone);
  return warnDays > 0 && warnAt < dueAt ? warnAt : null;
}

/** The node's pending deadline follows its timer: moved, kept, or void when N+1 has none. */
function settleDeadline(
  state: InterpreterState,
  step: string,
  target: DefinitionNode,
  timers: Record<string, HostTimer>,
): void {
  const purpose = target.kind === 'timer' ? 'elapsed' : 'timeout';
  const timer = timers[`${step}:${purpose}`];
  const clock = target.kind === 'wait' ? target.timeout : target.kind === 'timer' ? target.clock : undefined;
  const pending = state.deadlines.find((deadline) => deadline.id === step && deadline.status === 'pending');
  if (clock && 'deadline' in clock && timer?.clock === 'wall') {
    if (pending) {
      pending.dueAt = iso(timer.dueAt);
      pending.label = clock.deadline.label;
    } else {
      state.deadlines.push({
        id: step,
        label: clock.deadline.label,
        dueAt: iso(timer.dueAt),
        status: 'pending',
      });
    }
  } else if (pending) {
    pending.status = 'void';
  }
}

/** Wording keys this journey sent before, as far as its state tells (message nodes that ended "sent"). */
function keysSentBefore(definition: JourneyDefinition, state: InterpreterState): Set<string> {
  const keys = new Set<string>();
  for (const node of definition.nodes) {
    if (node.kind === 'message' && state.outcomes[node.id] === 'sent') keys.add(node.message.key);
  }
  return keys;
}

function outgoing(step: string, key: string, sentKeys: Set<string>, why: string): MessageChange {
  return sentKeys.has(key)
    ? { step, key, action: 'repeat', why: `${why} The patient already received "${key}" in this journey.` }
    : { step, key, action: 'send', why };
}

function sendCommand(
  node: DefinitionNode,
  step: string,
  message: MessageContent,
  settings: ResolvedSettings,
): SendMessage {
  return {
    type: 'send-message',
    step,
    node: node.id,
    message,
    awaited: true,
    ...(message.respondWithin ? { respondWithinMs: resolveDurationMs(message.respondWithin, settings) } : {}),
  };
}

/** The outbox step of an escalation step's message, as reduce.ts names it when the timer fires. */
function escalationStep(timerId: string): string {
  const colon = timerId.lastIndexOf(':');
  return `${timerId.slice(0, colon)}/${timerId.slice(colon + 1)}`;
}

function entryUnknown(node: DefinitionNode): string {
  return `When the patient entered ${node.id} is not known (the journey was compacted before migrations existed), so its changed timers cannot be placed.`;
}

function sameTimer(a: HostTimer, b: HostTimer): boolean {
  return a.clock === 'active' && b.clock === 'active'
    ? a.activeAt === b.activeAt && a.label === b.label
    : a.clock === 'wall' && b.clock === 'wall' && a.dueAt === b.dueAt && a.label === b.label;
}

/** An active-clock timer's wall time, the journey running on from now. */
function wallTimeOf(timer: HostTimer, input: MigrationInput): number {
  return timer.clock === 'wall' ? timer.dueAt : input.now + (timer.activeAt - input.activeNowMs);
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
