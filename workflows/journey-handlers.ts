import { setHandler } from '@temporalio/workflow';
import type { z } from 'zod';
import {
  cancelJourneyUpdate,
  deliveryStatusSignal,
  journeyEventUpdate,
  patientRespondedSignal,
  pauseJourneyUpdate,
  previewEventQuery,
  progressQuery,
  resumeJourneyUpdate,
  staffTaskCompletedSignal,
  type ControlRequest,
  type EventPreview,
  type EventCause,
  type JourneyEvent,
  type JourneyProgress,
  type StaffTaskOutcome,
} from '../contracts/journey-contract';
import type { JourneyOutbox } from './journey-outbox';
import type { JourneyState } from './journey-state';
import { runningExecution } from './running-execution';

/** How a journey takes the events of its own type (see `JourneyOptions`). */
export interface JourneyEvents<Event> {
  eventSchema: () => z.ZodType<Event>;
  applyEvent: (event: Event) => void;
  checkEvent?: (event: Event) => void;
  heldUntil?: (event: Event) => string | undefined;
  describeEvent?: (event: Event) => string;
  /** Told every staff outcome after the runtime recorded it (see `JourneyHooks`). */
  onStaffTaskCompleted?: JourneyHooks['onStaffTaskCompleted'];
  onControl?: JourneyHooks['onControl'];
}

/**
 * What a journey may hear of besides its events, after the runtime has acted (its timeline line
 * written, its status changed). Callbacks must not await, and issue no command themselves: the
 * journey's main loop acts on what they note, so journeys without them replay as they ran.
 */
export interface JourneyHooks {
  /** A staff member finished one of the journey's tasks: a definition's task node goes on by its outcome. */
  onStaffTaskCompleted?: (outcome: StaffTaskOutcome) => void;
  /** An accepted pause, resume or cancel; the runtime already wrote its one timeline line. */
  onControl?: (control: 'pause' | 'resume' | 'cancel', request: ControlRequest) => void;
}

/**
 * Update answers are stored in the journey's history, so they carry only the newest timeline
 * entries: a year of weekly events would otherwise write the whole timeline into history each time.
 * The full timeline is one progress query away.
 */
const UPDATE_TIMELINE_TAIL = 20;

/*
 * The progress query, the signals from staff and providers, and the event, pause, resume and
 * cancel updates. Handlers only change state; the journey's main loop acts on it.
 *
 * Validators run before anything is written to the history: a rejected event, or a pause of
 * a journey that is not running, leaves no trace at all.
 */
export function installJourneyHandlers<Event>(
  events: JourneyEvents<Event>,
  state: JourneyState,
  outbox: JourneyOutbox,
): void {
  const { eventSchema, applyEvent, checkEvent, heldUntil, describeEvent = describeByType } = events;
  const { onStaffTaskCompleted, onControl } = events;
  /** The event update's validator, and the preview's: one check, so they cannot disagree. */
  const validEvent = (event: unknown): Event => {
    state.requireOpen();
    const parsed = parseOrThrow(eventSchema(), event);
    checkEvent?.(parsed);
    return parsed;
  };
  const accepted = (): JourneyProgress => {
    state.markChanged();
    return state.progress(UPDATE_TIMELINE_TAIL);
  };
  setHandler(progressQuery, () => ({ ...state.progress(), execution: runningExecution() }));
  setHandler(previewEventQuery, (event): EventPreview => {
    try {
      const until = heldUntil?.(validEvent(event));
      return until === undefined ? { outcome: 'applied' } : { outcome: 'held', until };
    } catch (refusal) {
      return { outcome: 'refused', reason: refusal instanceof Error ? refusal.message : String(refusal) };
    }
  });
  setHandler(staffTaskCompletedSignal, (done) => {
    const { kind, outcome, note, step } = done;
    state.record('task', `Staff task done (${kind}): ${outcome}${note ? ` (${note})` : ''}`, step, 'staff');
    if (kind === 'call' && outcome === 'reached') outbox.countResponse();
    onStaffTaskCompleted?.(done);
  });
  setHandler(deliveryStatusSignal, ({ step, channel, status, detail }) => {
    if (status === 'failed') outbox.reportUndelivered(step, channel, detail);
  });
  setHandler(patientRespondedSignal, ({ channel }) => {
    outbox.countResponse();
    state.record('event', `The patient responded (${channel})`, undefined, 'patient');
  });
  setHandler(
    journeyEventUpdate,
    (event, cause) => {
      const parsed = eventSchema().parse(event);
      state.record('event', describeEvent(parsed), (parsed as { type: string }).type, cause?.by);
      applyEvent(parsed);
      return accepted();
    },
    {
      // The cause needs no check: it only names who sent the event.
      validator: (event: JourneyEvent, _cause?: EventCause) => {
        validEvent(event);
      },
    },
  );
  setHandler(
    pauseJourneyUpdate,
    (request) => {
      state.pause(request.reason, request.operator);
      onControl?.('pause', request);
      return accepted();
    },
    {
      validator: (request) => {
        requireReason(request);
        state.requireOpen();
        if (state.currentStatus !== 'active')
          throw new Error(`Only an active journey can be paused; this one is ${state.currentStatus}.`);
      },
    },
  );
  setHandler(
    resumeJourneyUpdate,
    (request) => {
      state.resume(request.reason, request.operator);
      onControl?.('resume', request);
      return accepted();
    },
    {
      validator: (request) => {
        requireReason(request);
        state.requireOpen();
        if (state.currentStatus !== 'paused')
          throw new Error(`Only a paused journey can be resumed; this one is ${state.currentStatus}.`);
      },
    },
  );
  setHandler(
    cancelJourneyUpdate,
    (request) => {
      const { reason, by, operator } = request;
      // The timeline says who ended it: a journey the EHR ended was not an operator's decision.
      state.cancel(
        `${by === 'ehr' ? 'Ended by the EHR' : 'Cancelled by an operator'}: ${reason}`,
        by === 'ehr' ? 'EHR event' : operator,
      );
      onControl?.('cancel', request);
      return accepted();
    },
    {
      validator: (request) => {
        requireReason(request);
        state.requireOpen();
      },
    },
  );
}

function requireReason(request: ControlRequest | undefined): void {
  if (typeof request?.reason !== 'string' || request.reason.trim().length === 0) {
    throw new Error('A reason is required.');
  }
}

function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`,
    );
    throw new Error(`Invalid event: ${details.join('; ')}`);
  }
  return result.data;
}

function describeByType(event: unknown): string {
  return `Event received: ${(event as { type: string }).type}`;
}
