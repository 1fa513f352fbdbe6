import { DAY_MS, HOUR_MS } from '../../contracts/durations';
import type {
  DeadlineView,
  FactValue,
  JourneyEvent,
  JourneyStatus,
  TimelineEntry,
  TimelineKind,
} from '../../contracts/journey-contract';
import type {
  DefinitionReadingLevel,
  JourneyDefinition,
  MessageContent,
  SettingValue,
} from '../../contracts/journey-definitions/definition-schema';
import type {
  InterpreterInput,
  InterpreterState,
  SendMessage,
} from '../../workflows/definition-interpreter/interpreter-types';
import { chooseInlineVariant, renderInlineText } from '../engagement/templates/inline-wording';
import { localTime, startOfLocalDay } from '../../workflows/local-days';
import { eventRefusal, initialState, reduce } from '../../workflows/definition-interpreter/reduce';

/*
 * What a patient would experience, before a definition goes live: the interpreter's own reducer
 * driven by a simulated clock, a synthetic patient and a script of events, with the engagement
 * layer's choices played out (language, reading level, channel order and consent, quiet hours in
 * the patient's zone, a staff call when no channel may be used). Pure and synchronous: months
 * run in milliseconds. Not simulated: the daily cap across journeys, provider failures and the
 * response window's fallback to the next channel.
 */

/** The engagement layer's default quiet hours (ENGAGEMENT_POLICY can set others; pass them in the request). */
export const QUIET_HOURS: QuietHours = { from: 21, until: 8 };

/** Local hours, overnight (`from` > `until`): nothing is sent from `from` o'clock until `until` o'clock. */
export interface QuietHours {
  from: number;
  until: number;
}

export interface SyntheticPatient {
  language: string;
  readingLevel: DefinitionReadingLevel;
  timeZone: string;
  /** The patient's channels in order of preference, each with or without consent. */
  channels: { channel: 'email' | 'sms' | 'portal'; consent: boolean }[];
}

/** One line of the script, `day` days (and `hours` hours) after enrolment. */
export type ScriptLine = { day: number; hours?: number } & (
  | { event: JourneyEvent }
  /** Staff complete the open task of a task node with this outcome ("no answer" is `no-answer`). */
  | { taskOutcome: { node: string; outcome: string } }
  | { pause: string }
  | { resume: string }
  | { cancel: string }
);

export interface SimulationRequest {
  definition: JourneyDefinition;
  patient: SyntheticPatient;
  script: readonly ScriptLine[];
  /** Enrolment time; the script and the horizon count from it. */
  startAt: number;
  /** How far to run, in months (default 12). */
  months?: number;
  settings?: Readonly<Record<string, SettingValue>>;
  /** Values the wording names (`{{schedulingUrl}}`), as the enrolment passes them; `timeZone` is always there. */
  values?: Readonly<Record<string, string>>;
  quietHours?: QuietHours;
  /** What the enrolment would know (a discharge time, a disposition), as the worker's start facts. */
  facts?: Readonly<Record<string, FactValue>>;
}

export interface SimulatedMessage {
  at: string;
  step: string;
  node: string;
  key: string;
  language: string;
  readingLevel: DefinitionReadingLevel;
  channel: string;
  text: string;
  /** Email only: the subject written for the wording's language. */
  subject?: string;
  /** Why the wording could not be rendered (a value it names was not given, no text at all): a send would fail. */
  renderProblem?: string;
  /** When the journey asked for it, if the quiet hours made it wait. */
  heldSince?: string;
}

export interface SimulatedTask {
  at: string;
  step: string;
  node: string;
  kind: string;
  title: string;
  priority: 'routine' | 'urgent';
  dueAt: string;
  completedAt?: string;
  outcome?: string;
}

export interface SimulationResult {
  timeline: TimelineEntry[];
  messages: SimulatedMessage[];
  tasks: SimulatedTask[];
  deadlines: DeadlineView[];
  final: { status: JourneyStatus; stage: string; dropOff?: boolean; endedAt?: string };
  /** Script lines that found nothing to act on (a task outcome with no open task at that node), and refused events. */
  notes: string[];
  /** Inputs the reducer took. */
  inputs: number;
}

interface Pending {
  at: number;
  seq: number;
  input: InterpreterInput | { type: 'script'; line: ScriptLine };
  /** Active-clock timers stop while the journey is paused. */
  activeTimer?: string;
}

export function simulateJourney(request: SimulationRequest): SimulationResult {
  const { definition, patient, startAt } = request;
  const horizon = addMonths(startAt, request.months ?? 12);
  let state: InterpreterState = initialState(definition, {
    timeZone: patient.timeZone,
    ...(request.settings ? { settings: request.settings } : {}),
    ...(request.facts ? { facts: request.facts } : {}),
  });
  const result: SimulationResult = {
    timeline: [],
    messages: [],
    tasks: [],
    deadlines: [],
    final: { status: 'active', stage: state.stage },
    notes: [],
    inputs: 0,
  };
  let pending: Pending[] = [];
  let seq = 0;
  const pausedTimers = new Map<string, number>();
  const schedule = (at: number, input: Pending['input'], activeTimer?: string) =>
    pending.push({ at, seq: seq++, input, ...(activeTimer ? { activeTimer } : {}) });

  const record = (at: number, kind: TimelineKind, summary: string, ref?: string, by?: string) =>
    result.timeline.push({
      at: iso(at),
      kind,
      summary,
      ...(ref ? { ref } : {}),
      ...(by ? { by } : {}),
    });

  record(startAt, 'stage', `Enrolled: ${definition.title}`, state.stage);
  request.script.forEach((line) =>
    schedule(startAt + line.day * DAY_MS + (line.hours ?? 0) * HOUR_MS, { type: 'script', line }),
  );
  apply({ type: 'started', at: startAt });

  for (;;) {
    if (state.status === 'completed' || state.status === 'cancelled' || pending.length === 0) break;
    const next = pending.reduce((best, item) =>
      item.at < best.at || (item.at === best.at && item.seq < best.seq) ? item : best,
    );
    if (next.at > horizon) break;
    pending = pending.filter((item) => item !== next);
    if (next.input.type === 'script') runScriptLine(next.input.line, next.at);
    else apply(next.input);
  }

  result.deadlines = state.deadlines;
  result.final = {
    status: state.status,
    stage: state.stage,
    ...(state.dropOff !== undefined ? { dropOff: state.dropOff } : {}),
    ...(state.status === 'completed' || state.status === 'cancelled'
      ? { endedAt: result.timeline.at(-1)!.at }
      : {}),
  };
  return result;

  function runScriptLine(line: ScriptLine, at: number): void {
    if ('event' in line) {
      // As the worker's update validator does: a refused event changes nothing, and the preview says why.
      const refusal = eventRefusal(definition, state, line.event);
      if (refusal) result.notes.push(`Day ${line.day}: ${line.event.type} refused: ${refusal}`);
      else apply({ type: 'event', event: line.event, at, by: 'script' });
    } else if ('pause' in line) apply({ type: 'pause', reason: line.pause, at, by: 'script' });
    else if ('resume' in line) apply({ type: 'resume', reason: line.resume, at, by: 'script' });
    else if ('cancel' in line) apply({ type: 'cancel', reason: line.cancel, at, by: 'script' });
    else {
      const { node, outcome } = line.taskOutcome;
      const task = result.tasks.find((candidate) => candidate.node === node && !candidate.completedAt);
      if (!task || state.awaiting?.step !== task.step) {
        result.notes.push(`Day ${line.day}: no open task at ${node} for the outcome "${outcome}"`);
        return;
      }
      task.completedAt = iso(at);
      task.outcome = outcome;
      apply({ type: 'task-completed', step: task.step, outcome, at });
    }
  }

  function apply(input: InterpreterInput): void {
    const wasPaused = state.status === 'paused';
    const reduction = reduce(definition, state, input);
    state = reduction.state;
    result.inputs++;
    const at = input.at;
    if (!wasPaused && state.status === 'paused') freezeActiveTimers(at);
    if (wasPaused && state.status === 'active') thawActiveTimers(at);
    for (const command of reduction.commands) {
      switch (command.type) {
        case 'send-message':
          deliver(command, at);
          break;
        case 'start-timer':
          if (command.clock === 'wall') schedule(command.dueAt, timerInput(command.id, command.dueAt));
          else if (state.status === 'paused') pausedTimers.set(command.id, command.afterMs);
          else schedule(at + command.afterMs, timerInput(command.id, at + command.afterMs), command.id);
          break;
        case 'cancel-timer':
          pending = pending.filter(
            (item) => !(item.input.type === 'timer-fired' && item.input.id === command.id),
          );
          pausedTimers.delete(command.id);
          break;
        case 'create-task':
          result.tasks.push({ at: iso(at), step: command.step, node: command.node, ...command.task });
          record(at, 'task', `Staff task (${command.task.priority}): ${command.task.title}`, command.step);
          break;
        case 'close-tasks':
          for (const task of result.tasks) {
            if (task.completedAt || !task.step.includes(command.stepsContaining)) continue;
            task.completedAt = iso(at);
            task.outcome = command.outcome;
          }
          break;
        case 'record':
          record(at, command.kind, command.summary, command.ref, command.by);
          break;
        case 'set-stage':
          record(at, 'stage', command.summary, command.stage);
          break;
        case 'end':
          record(at, 'stage', command.summary, command.stage, command.by);
          pending = [];
          break;
      }
    }
  }

  function freezeActiveTimers(at: number): void {
    for (const item of pending) if (item.activeTimer) pausedTimers.set(item.activeTimer, item.at - at);
    pending = pending.filter((item) => !item.activeTimer);
  }

  function thawActiveTimers(at: number): void {
    for (const [id, remaining] of pausedTimers) schedule(at + remaining, timerInput(id, at + remaining), id);
    pausedTimers.clear();
  }

  /** The engagement layer, played out: consent, channel order, quiet hours, a staff call as the last resort. */
  function deliver(command: SendMessage, at: number): void {
    const { message, step } = command;
    const channel = channelFor(message);
    if (!channel) {
      record(at, 'message', `"${message.key}" reached no channel (no consent)`, step);
      result.tasks.push({
        at: iso(at),
        step: `${step}/unreachable`,
        node: command.node,
        kind: 'call',
        title: 'Call the patient: no message channel could reach them',
        priority: message.urgent ? 'urgent' : 'routine',
        dueAt: iso(at + DAY_MS),
      });
      schedule(at, { type: 'message-result', step, outcome: 'unreachable', at });
      return;
    }
    const sendAt = channel === 'letter' ? at : afterQuietHours(at, patient.timeZone, request.quietHours);
    const { language, readingLevel, text, subject, problem } = wordingFor(message, channel);
    result.messages.push({
      at: iso(sendAt),
      step,
      node: command.node,
      key: message.key,
      language,
      readingLevel,
      channel,
      text,
      ...(subject === undefined || channel !== 'email' ? {} : { subject }),
      ...(problem === undefined ? {} : { renderProblem: problem }),
      ...(sendAt > at ? { heldSince: iso(at) } : {}),
    });
    if (sendAt > at)
      record(at, 'message', `"${message.key}" held for the quiet hours until ${iso(sendAt)}`, step);
    record(sendAt, 'message', `Sent "${message.key}" (${channel}, ${language})`, step);
    schedule(sendAt, { type: 'message-result', step, outcome: 'sent', channel, at: sendAt });
  }

  function channelFor(message: MessageContent): string | undefined {
    if (message.channel === 'letter') return 'letter';
    const consented = patient.channels.filter((entry) => entry.consent).map((entry) => entry.channel);
    const preferred = consented.find((channel) => channel === message.channel);
    return preferred ?? consented[0];
  }

  /** The wording as a send renders it (inline-wording.ts); a value or text it lacks is shown, not thrown. */
  function wordingFor(message: MessageContent, channel: string) {
    const renderRequest = {
      key: message.key,
      channel,
      language: patient.language,
      readingLevel: patient.readingLevel,
      values: { ...request.values, timeZone: patient.timeZone },
      wording: {
        texts: message.wording,
        languages: definition.languages,
        ...(message.subject ? { subjects: message.subject } : {}),
      },
    };
    try {
      const { text, subject, variant } = renderInlineText(renderRequest);
      return { language: variant.language, readingLevel: variant.readingLevel, text, subject };
    } catch (error) {
      const chosen = chooseInlineVariant(renderRequest);
      return {
        language: chosen?.variant.language ?? patient.language,
        readingLevel: chosen?.variant.readingLevel ?? patient.readingLevel,
        text: '',
        problem: (error as Error).message,
      };
    }
  }
}

function timerInput(id: string, at: number): InterpreterInput {
  return { type: 'timer-fired', id, at };
}

/** The first moment a message may go out: now, or 08:00 in the patient's zone after the quiet hours. */
export function afterQuietHours(at: number, timeZone: string, quiet: QuietHours = QUIET_HOURS): number {
  const local = localTime(at, timeZone);
  if (local.hour >= quiet.until && local.hour < quiet.from) return at;
  const day = local.hour >= quiet.from ? local.day + 1 : local.day;
  return startOfLocalDay(local.year, local.month, day, timeZone, quiet.until);
}

function addMonths(at: number, months: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
