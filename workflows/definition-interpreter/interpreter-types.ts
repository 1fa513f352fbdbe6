import type {
  DeadlineView,
  FactValue,
  JourneyEvent,
  JourneyStatus,
  TimelineKind,
} from '../../contracts/journey-contract';
import type { MessageContent } from '../../contracts/journey-definitions/definition-schema';
import type { ResolvedSettings } from './definition-settings';

/*
 * The interpreter's vocabulary: what happens to a journey (inputs), what it asks its host to do
 * (commands), and all it remembers (state: plain JSON, so it is carried by continue-as-new and
 * compared in tests). The host is the `definitionJourney` workflow or the simulator; every time
 * comes in an input (`at`, epoch ms), so the reducer never reads a clock.
 */

export type InterpreterInput =
  | { type: 'started'; at: number }
  | { type: 'timer-fired'; id: string; at: number }
  | { type: 'event'; event: JourneyEvent; at: number; by?: string }
  /** The engagement layer's answer for a message step: `sent` (perhaps after waiting for the quiet hours to end). */
  | {
      type: 'message-result';
      step: string;
      outcome: 'sent' | 'unreachable' | 'deceased';
      channel?: string;
      at: number;
    }
  | { type: 'task-completed'; step: string; outcome: string; at: number }
  | { type: 'pause' | 'resume' | 'cancel'; reason: string; at: number; by?: string };

/**
 * A timer on the active clock stops while the journey is paused (a cadence resumes where it left
 * off); one on the wall clock (a deadline) runs on. The host keeps that difference; the reducer
 * only names the clock. A fired timer that is no longer wanted is ignored, so a cancel racing a
 * timer is harmless.
 */
export type StartTimer =
  | { type: 'start-timer'; id: string; clock: 'active'; afterMs: number; label: string }
  | { type: 'start-timer'; id: string; clock: 'wall'; dueAt: number; label: string };

export interface SendMessage {
  type: 'send-message';
  /** Unique within the journey and stable across replays: the engagement layer sends once per step. */
  step: string;
  node: string;
  message: MessageContent;
  /** `message.respondWithin`, resolved against the settings. */
  respondWithinMs?: number;
  /** False for an escalation plan's messages: the journey does not wait for their result. */
  awaited: boolean;
}

export interface CreateTask {
  type: 'create-task';
  step: string;
  node: string;
  task: { kind: string; title: string; priority: 'routine' | 'urgent'; dueAt: string };
  /** True for a task node: the journey goes on by its outcome. */
  awaited: boolean;
}

export type InterpreterCommand =
  | SendMessage
  | StartTimer
  | { type: 'cancel-timer'; id: string }
  | CreateTask
  /** Staff tasks whose step contains `stepsContaining` are no longer needed: they close with the outcome. */
  | { type: 'close-tasks'; stepsContaining: string; outcome: string; note: string }
  | { type: 'record'; kind: TimelineKind; summary: string; ref?: string; by?: string }
  | { type: 'set-stage'; stage: string; summary: string }
  | {
      type: 'end';
      status: 'completed' | 'cancelled';
      stage: string;
      summary: string;
      dropOff: boolean;
      by?: string;
    };

export type TimerPurpose =
  | { purpose: 'timeout' | 'elapsed' | 'close'; node: string; deadline?: string }
  | { purpose: 'warn'; node: string; deadline: string }
  | { purpose: 'escalation-step'; node: string; index: number };

export interface InterpreterState {
  definition: { id: string; version: number };
  status: JourneyStatus;
  stage: string;
  /** The node the patient is at; absent once the journey ended. */
  node?: string;
  /** The step whose result the current node waits for (a message node, a task node). */
  awaiting?: { kind: 'message' | 'task'; step: string };
  /** Times each node was entered: a node entered again gets new step keys, so it sends again. */
  visits: Record<string, number>;
  facts: Record<string, FactValue>;
  /** What each wait, task, message, escalation or decision node last ended with. */
  outcomes: Record<string, string>;
  timers: Record<string, TimerPurpose>;
  deadlines: DeadlineView[];
  /** Messages the flow reached while the journey was paused: sent when it resumes. */
  held: SendMessage[];
  /**
   * Events that came while the flow was passing through messages and decisions (a booking while
   * the invitation waits for the quiet hours to end): the next wait or escalation plan takes them
   * as if they came while it waited. Any other node clears them.
   */
  early?: string[];
  startedAt: number;
  timeZone: string;
  settings: ResolvedSettings;
  dropOff?: boolean;
}

export interface Reduction {
  state: InterpreterState;
  commands: InterpreterCommand[];
}

/**
 * A timer as the workflow runs it: on the active clock (due when the active clock reads
 * `activeAt`) or on the wall clock. The migration planner reads and rewrites these.
 */
export type HostTimer =
  { clock: 'active'; activeAt: number; label: string } | { clock: 'wall'; dueAt: number; label: string };
