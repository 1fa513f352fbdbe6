import { condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import type {
  FactValue,
  JourneyEvent,
  JourneyInput,
  JourneyProgress,
  UpcomingTimer,
} from '../../contracts/journey-contract';
import type {
  EventDeclaration,
  JourneyDefinition,
  SettingValue,
} from '../../contracts/journey-definitions/definition-schema';
import {
  definitionStatusQuery,
  migrateDefinitionUpdate,
  migrationPlanQuery,
  type DefinitionJourneyStatus,
  type MigrationRequest,
} from '../../contracts/journey-definitions/migration-contract';
// The API's schema for a definition's events: pure zod, the same checks in the workflow as at the edge.
import {
  DEFINITION_JOURNEY_WORKFLOW_TYPE,
  definitionEventSchema,
} from '../../contracts/journey-definitions/definition-contract';
import { lazySchema } from '../../contracts/lazy-schema';
import { Journey, type JourneySnapshot } from '../journey-runtime';
import type { NotifyResult } from '../patient-delivery';
import type {
  CreateTask,
  HostTimer,
  InterpreterCommand,
  InterpreterInput,
  InterpreterState,
  SendMessage,
} from './interpreter-types';
import { planMigration, type MigrationPlan, type MigrationPlanning } from './migrate';
import { CURRENT_REDUCER_RULES, eventRefusal, initialState, reduce } from './reduce';

/*
 * The one workflow that runs every journey definition: the pure reducer (reduce.ts) decides, this
 * host does. Its commands become the journey runtime's timers on the active or the wall clock,
 * messages through the engagement layer, staff tasks, stages and timeline lines; what comes back
 * (a timer fired, a message's result, a staff outcome, an event, a pause, resume or cancel) goes
 * into the reducer as an input the moment it comes. The definition travels in
 * the input: a journey keeps the version it started on whatever is published later, until a
 * designer migrates it (the `migrateDefinition` update, planned by migrate.ts).
 */

/** The workflow type every definition runs as: one name, kept in the contracts. */
export const DEFINITION_JOURNEY_WORKFLOW = DEFINITION_JOURNEY_WORKFLOW_TYPE;
/** Journeys that ran before migrations existed replay without the marker; only a migration sets it. */
export const DEFINITION_MIGRATION_PATCH = 'definition-migration';

export interface DefinitionJourneyParams {
  /** The published definition version the journey runs, whole: pinned at enrolment. */
  definition: JourneyDefinition;
  /** The patient's time zone: deadlines count their days; messages say times in it. */
  timeZone: string;
  /** The patient's language, when the enrolment knew it (the contact profile's wins at each send). */
  language?: string;
  /**
   * Values the wording may name (`{{schedulingUrl}}`); `timeZone` is always there, and so is each
   * fact holding text (`{{appointmentAt}}` once a booking recorded it), unless a value names it.
   */
  values?: Record<string, string>;
  /** What the enrolment already knows (a discharge time, a disposition): the journey's first facts. */
  facts?: Record<string, FactValue>;
  /** History events before the journey continues as new (default 2,000; tests set fewer). */
  historyEventsBeforeContinueAsNew?: number;
}

/** What a run hands the next one when the history grows long. */
export interface DefinitionJourneyCarried {
  journey: JourneySnapshot;
  interpreter: InterpreterState;
  timers: Record<string, HostTimer>;
  run: number;
  /** When the patient entered the node they are at (absent in runs carried before migrations existed). */
  entered?: NodeEntry;
}

/** When the patient entered their node, on the wall and the active clock: a migration keeps timers' starts. */
interface NodeEntry {
  at: number;
  activeMs: number;
}

export type DefinitionJourneyInput = JourneyInput<DefinitionJourneyParams, Record<string, SettingValue>> & {
  carried?: DefinitionJourneyCarried;
};

const DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2000;

/**
 * An event that leaves out a field declared as a fact clears that fact (HZ-55); journeys that
 * took events before replay keeping the earlier value.
 */
export const CLEARS_FACTS_EVENTS_LEAVE_OUT_PATCH = 'definition-clears-facts-events-leave-out';

/** Escalation plans answered by an event close the staff tasks they raised (HZ-95). */
export const CLOSES_ANSWERED_ESCALATION_TASKS_PATCH = 'definition-closes-answered-escalation-tasks';

export async function definitionJourney(input: DefinitionJourneyInput): Promise<JourneyProgress> {
  const { timeZone } = input.params;
  /** The pinned version; a migration replaces it with a newer one, and continue-as-new carries that. */
  let definition = input.params.definition;
  const { carried } = input;
  let entered: NodeEntry | undefined = carried?.entered;
  let state: InterpreterState =
    carried?.interpreter ??
    initialState(definition, {
      timeZone,
      settings: input.program.settings ?? {},
      ...(input.params.facts ? { facts: input.params.facts } : {}),
    });
  const timers = new Map<string, HostTimer>(Object.entries(carried?.timers ?? {}));
  /** Deliveries and staff tasks still running: the journey continues as new only without any. */
  let inFlight = 0;
  /** Events accepted so far: a message waiting for a response counts one as a response. */
  let eventsSeen = 0;
  const values = { ...input.params.values, timeZone };

  const journey: Journey<JourneyEvent> = new Journey<JourneyEvent>({
    type: definition.id,
    patientRef: input.patientRef,
    ...(input.patientId ? { patientId: input.patientId } : {}),
    settingsVersion: input.program.version,
    stage: state.stage,
    summary: `Enrolled: ${definition.title}`,
    eventSchema: lazySchema(() => eventSchemaOfCurrent(() => definition)),
    checkEvent: (event) => {
      const refusal = eventRefusal(definition, state, event);
      if (refusal) throw new Error(refusal);
    },
    describeEvent: (event) => declaredEvent(definition, event.type)?.label ?? event.type,
    applyEvent: (event) => {
      eventsSeen++;
      apply({ type: 'event', event, at: Date.now() });
    },
    onStaffTaskCompleted: ({ step, outcome }) =>
      apply({ type: 'task-completed', step, outcome, at: Date.now() }),
    onControl: (control, { reason, operator }) =>
      apply({ type: control, reason, at: Date.now(), ...(operator ? { by: operator } : {}) }),
    ...(carried ? { restore: carried.journey } : {}),
  });
  const run = carried?.run ?? 1;

  setHandler(migrationPlanQuery, (request) => planFor(request).plan);
  setHandler(definitionStatusQuery, () => status());
  setHandler(migrateDefinitionUpdate, (request) => migrate(request), {
    validator: (request) => {
      const { plan } = planFor(request);
      if (plan.outcome === 'refused') throw new Error(plan.reason);
      if (!request.note.trim()) throw new Error('A migration needs a note saying why.');
    },
  });

  if (carried) {
    for (const [id, timer] of timers) void runTimer(id, timer);
  } else {
    journey.setFacts({
      definitionVersion: definition.version,
      ...(input.params.language ? { language: input.params.language } : {}),
    });
    // HZ-35: what the EHR said before the enrolment is in the facts before the first node runs
    // (a designer's "booked already?" check at the start sees it); a kept death ends it unstarted.
    if (input.keptEvents) await journey.receiveKeptEvents(input.keptEvents);
    if (isOpen(state)) apply({ type: 'started', at: Date.now() });
  }

  while (isOpen(state)) {
    await condition(() => !isOpen(state) || dueToContinueAsNew());
    if (!isOpen(state)) break;
    await journey.settle();
    if (!isOpen(state) || inFlight > 0) continue;
    journey.record('control', `History compacted: continuing as run ${run + 1}`);
    return continueAsNew<typeof definitionJourney>({
      ...input,
      params: { ...input.params, definition },
      carried: {
        ...(entered ? { entered } : {}),
        journey: journey.snapshot(),
        interpreter: state,
        timers: Object.fromEntries(timers),
        run: run + 1,
      },
    });
  }
  return journey.result();

  function dueToContinueAsNew(): boolean {
    if (inFlight > 0) return false;
    const info = workflowInfo();
    const limit =
      input.params.historyEventsBeforeContinueAsNew ?? DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
    return info.continueAsNewSuggested || info.historyLength > limit;
  }

  /**
   * One input through the reducer, and its commands carried out in order, at once: an update's
   * answer already shows where the event took the patient. Nothing here awaits (messages, tasks
   * and timers run on their own and come back as inputs), so inputs never interleave.
   */
  function apply(next: InterpreterInput): void {
    const before = nodeVisit(state);
    const reduction = reduce(
      definition,
      state,
      next,
      next.type === 'event'
        ? { clearsFactsEventsLeaveOut: patched(CLEARS_FACTS_EVENTS_LEAVE_OUT_PATCH) }
        : CURRENT_REDUCER_RULES,
    );
    state = reduction.state;
    if (nodeVisit(state) !== before) entered = { at: Date.now(), activeMs: journey.activeElapsedMs() };
    for (const command of reduction.commands) {
      if (isRecordedByRuntime(next, command)) continue;
      carryOut(command);
    }
    journey.setFacts(state.dropOff === undefined ? state.facts : { ...state.facts, dropOff: state.dropOff });
    journey.setDeadlines(state.deadlines);
    journey.expect(upcoming());
  }

  /** The planner on this journey as it stands now: the dry-run query and the update both ask it. */
  function planFor(request: MigrationRequest): MigrationPlanning {
    return planMigration({
      from: definition,
      to: request.definition,
      state,
      timers: Object.fromEntries(timers),
      ...(entered ? { entered } : {}),
      now: Date.now(),
      activeNowMs: journey.activeElapsedMs(),
      ...(request.mapping ? { mapping: request.mapping } : {}),
      programSettings: input.program.settings ?? {},
    });
  }

  /**
   * Moves the journey to the newer version as the plan says: the definition, the state, the
   * timers (unchanged ones run on, the others restart), then the plan's commands as the
   * reducer's are carried out. The validator refused any plan that refuses.
   */
  function migrate(request: MigrationRequest & { by: string; note: string }): MigrationPlan {
    const { plan, apply: change } = planFor(request);
    if (!patched(DEFINITION_MIGRATION_PATCH) || !change) return plan;
    definition = request.definition;
    state = change.state;
    for (const id of [...timers.keys()]) if (!(id in change.timers)) timers.delete(id);
    for (const [id, timer] of Object.entries(change.timers)) {
      if (timers.get(id) === timer) continue;
      timers.set(id, timer);
      void runTimer(id, timer);
    }
    journey.record(
      'control',
      `Moved to version ${definition.version} by ${request.by}: ${request.note.trim()}`,
    );
    for (const command of change.commands) carryOut(command);
    journey.setFacts({ definitionVersion: definition.version });
    journey.setDeadlines(state.deadlines);
    journey.expect(upcoming());
    return plan;
  }

  function status(): DefinitionJourneyStatus {
    const activeMs = journey.activeElapsedMs();
    return {
      definition: state.definition,
      status: state.status,
      node: state.node ?? null,
      stage: state.stage,
      timers: [...timers].map(([id, timer]) => ({
        id,
        label: timer.label,
        clock: timer.clock,
        dueAt:
          timer.clock === 'wall'
            ? iso(timer.dueAt)
            : journey.isPaused
              ? null
              : iso(Date.now() + (timer.activeAt - activeMs)),
      })),
    };
  }

  function carryOut(command: InterpreterCommand): void {
    switch (command.type) {
      case 'send-message':
        void track(sendMessage(command));
        return;
      case 'create-task':
        void track(createTask(command));
        return;
      case 'close-tasks':
        // Journeys that ran before escalation plans closed their tasks replay without the activity.
        if (patched(CLOSES_ANSWERED_ESCALATION_TASKS_PATCH)) {
          const { stepsContaining, outcome, note } = command;
          void track(journey.closeStaffTasks({ stepsContaining, outcome, note }).then(() => undefined));
        }
        return;
      case 'start-timer': {
        const timer: HostTimer =
          command.clock === 'wall'
            ? { clock: 'wall', dueAt: command.dueAt, label: command.label }
            : {
                clock: 'active',
                activeAt: journey.activeElapsedMs() + command.afterMs,
                label: command.label,
              };
        timers.set(command.id, timer);
        void runTimer(command.id, timer);
        return;
      }
      case 'cancel-timer':
        timers.delete(command.id);
        return;
      case 'record':
        journey.record(command.kind, command.summary, command.ref);
        return;
      case 'set-stage':
        if (journey.isOpen) journey.enterStage(command.stage, command.summary);
        return;
      case 'end':
        // A cancel already ended the runtime's journey, with its line.
        if (journey.isOpen) journey.finish(command.status, command.stage, command.summary);
        return;
    }
  }

  /** A timer that fires into the reducer unless it was cancelled (or the journey ended) first. */
  async function runTimer(id: string, timer: HostTimer): Promise<void> {
    const cancelled = () => timers.get(id) !== timer;
    // Named by the step (node ids are the definition's, never the patient's), as the Web UI shows it.
    const outcome =
      timer.clock === 'wall'
        ? await journey.sleepUntil(timer.dueAt, `Definition deadline: ${id}`, cancelled)
        : await journey.sleepUntilActive(timer.activeAt, `Definition timer: ${id}`, cancelled);
    if (outcome !== 'elapsed' || cancelled()) return;
    timers.delete(id);
    apply({ type: 'timer-fired', id, at: Date.now() });
  }

  async function sendMessage(command: SendMessage): Promise<void> {
    const { message } = command;
    const responses = eventsSeen;
    const result: NotifyResult | undefined = await journey.notify(command.step, {
      template: message.key,
      wording: {
        texts: message.wording,
        languages: definition.languages,
        ...(message.subject ? { subjects: message.subject } : {}),
      },
      values: { ...textFacts(state.facts), ...values },
      ...(message.channel ? { channel: message.channel } : {}),
      ...(message.urgent ? { urgent: true } : {}),
      ...(command.respondWithinMs ? { respondWithinMs: command.respondWithinMs } : {}),
      // An event the journey waits for (a booking) answers a message as a reply does.
      responded: () => eventsSeen !== responses,
    });
    if (!result) return;
    apply({
      type: 'message-result',
      step: command.step,
      outcome: result.deceased ? 'deceased' : result.delivered ? 'sent' : 'unreachable',
      ...(result.channel ? { channel: result.channel } : {}),
      at: Date.now(),
    });
  }

  async function createTask(command: CreateTask): Promise<void> {
    const { task } = command;
    await journey.escalate(command.step, {
      kind: task.kind,
      priority: task.priority,
      title: task.title,
      dueAt: task.dueAt,
      details: { definition: definition.id, version: definition.version, node: command.node },
    });
  }

  async function track(work: Promise<void>): Promise<void> {
    inFlight++;
    try {
      await work;
    } finally {
      inFlight--;
    }
  }

  function upcoming(): UpcomingTimer[] {
    const activeMs = journey.activeElapsedMs();
    const list: UpcomingTimer[] = [];
    for (const [id, timer] of timers) {
      if (timer.clock === 'wall') list.push({ id, label: timer.label, dueAt: iso(timer.dueAt) });
      // An active-clock timer has no date while the journey is paused: it waits for the resume.
      else if (!journey.isPaused)
        list.push({
          id,
          label: timer.label,
          dueAt: iso(Date.now() + Math.max(0, timer.activeAt - activeMs)),
        });
    }
    return list.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
}

/**
 * The runtime writes one timeline line for each event, staff outcome, pause, resume and cancel
 * it takes; the reducer's own line for the same input would say it twice.
 */
function isRecordedByRuntime(input: InterpreterInput, command: InterpreterCommand): boolean {
  if (command.type !== 'record') return false;
  switch (input.type) {
    case 'pause':
    case 'resume':
      return command.kind === 'control';
    case 'event':
      return command.kind === 'event';
    case 'task-completed':
      return command.kind === 'task';
    default:
      return false;
  }
}

/** Changes when the patient enters a node, a node they were at before included. */
function nodeVisit(state: InterpreterState): string {
  return state.node === undefined ? '' : `${state.node}#${state.visits[state.node] ?? 0}`;
}

function isOpen(state: InterpreterState): boolean {
  return state.status === 'active' || state.status === 'paused';
}

function declaredEvent(definition: JourneyDefinition, type: string): EventDeclaration | undefined {
  return definition.events.find((declared) => declared.type === type);
}

/**
 * The events the journey's current version declares: the runtime checks events against one
 * schema given at the start, and a migration may change the version under it.
 */
function eventSchemaOfCurrent(current: () => JourneyDefinition): z.ZodType<JourneyEvent> {
  const schemas = new Map<JourneyDefinition, z.ZodType<JourneyEvent>>();
  return z.unknown().superRefine((value, context) => {
    const definition = current();
    let schema = schemas.get(definition);
    if (!schema) schemas.set(definition, (schema = definitionEventSchema(definition)));
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  }) as unknown as z.ZodType<JourneyEvent>;
}

function textFacts(facts: Record<string, FactValue>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(facts).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
