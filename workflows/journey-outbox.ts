import { allHandlersFinished, condition, patched, workflowInfo } from '@temporalio/workflow';
import type { DeliveryChannel } from '../contracts/delivery-channels';
import type { Channel } from '../activities/outreach/send-message';
import type { StaffTaskRequest, StaffTaskResult } from '../activities/staff-tasks/create-staff-task';
import type { CloseJourneyStaffTasksRequest } from '../activities/staff-tasks/close-journey-staff-tasks';
import { refreshContactFromEhr, writeBackToEhr, type EhrWriteBack } from './ehr-record';
import { journeyActivities } from './journey-activities';
import type { JourneyClocks, WaitOutcome } from './journey-clocks';
import type { TimelineKind } from '../contracts/journey-contract';
import type { JourneyState } from './journey-state';
import {
  deliverToPatient,
  type DeliveryHost,
  type NotifyResult,
  type PatientMessage,
} from './patient-delivery';

export type StaffTask = Pick<StaffTaskRequest, 'kind' | 'priority' | 'title' | 'details' | 'dueAt'>;

/** Why a journey's open tasks are no longer needed: the outcome word and the sentence staff read. */
export type StaffTaskClosure = Pick<
  CloseJourneyStaffTasksRequest,
  'outcome' | 'note' | 'kinds' | 'stepsContaining'
>;

export interface PatientIdentity {
  patientRef: string;
  /** The EHR patient id: to refresh contact details from the record and write back what was done. */
  patientId?: string;
}

/** Journeys started before the engagement layer recorded messages through `sendMessage`; replays must see that. */
const ENGAGEMENT_LAYER_PATCH = 'engagement-layer';

/**
 * Journeys that ended while a staff task was being raised finished without waiting for it, so the
 * end's closing of open calls could run before the task existed (HZ-95); they replay as they ran.
 */
const SETTLE_WAITS_FOR_STAFF_TASKS_PATCH = 'settle-waits-for-staff-tasks';

/**
 * Everything a journey sends out: patient messages (idempotent by step, redelivered on the next
 * channel when the provider reports one undelivered), staff tasks, and the EHR write-back of both.
 * Also the delivery loop's host (see `deliverToPatient`).
 */
export class JourneyOutbox implements DeliveryHost {
  /** Patient replies and completed staff calls so far: a delivery waiting for a response watches it. */
  private responses = 0;
  /** `<step>#<channel>` of messages the provider reported undelivered after sending. */
  private readonly failedDeliveries = new Set<string>();
  /** Messages sent in this run, by step, and the steps being delivered right now. */
  private readonly sentMessages = new Map<string, PatientMessage>();
  private readonly deliveringSteps = new Set<string>();
  /** Whether this run has refreshed the patient's contact details from the EHR yet. */
  private contactRefreshed = false;
  /** Write-backs to the patient's EHR record still running (see `settle`). */
  private readonly ehrWrites: Promise<void>[] = [];
  /** Staff tasks being raised right now (see `settle`). */
  private readonly staffTasksInFlight = new Set<Promise<StaffTaskResult>>();

  constructor(
    private readonly patient: PatientIdentity,
    private readonly state: JourneyState,
    private readonly clocks: JourneyClocks,
  ) {}

  get workflowId(): string {
    return workflowInfo().workflowId;
  }

  get patientRef(): string {
    return this.patient.patientRef;
  }

  get patientId(): string | undefined {
    return this.patient.patientId;
  }

  get isOpen(): boolean {
    return this.state.isOpen;
  }

  record(kind: TimelineKind, summary: string, ref?: string): void {
    this.state.record(kind, summary, ref);
  }

  whenRunning(): Promise<boolean> {
    return this.clocks.whenRunning();
  }

  sleep(durationMs: number, summary: string, wake?: () => boolean): Promise<WaitOutcome> {
    return this.clocks.sleep(durationMs, summary, wake);
  }

  sleepUntil(epochMs: number, summary: string, wake?: () => boolean): Promise<WaitOutcome> {
    return this.clocks.sleepUntil(epochMs, summary, wake);
  }

  responsesSoFar(): number {
    return this.responses;
  }

  countResponse(): void {
    this.responses++;
  }

  deliveryFailed(step: string, channel: DeliveryChannel): boolean {
    return this.failedDeliveries.has(`${step}#${channel}`);
  }

  /** The provider reported a sent message undelivered: noted, and sent on if the journey is open. */
  reportUndelivered(step: string, channel: string, detail?: string): void {
    this.failedDeliveries.add(`${step}#${channel}`);
    this.state.record(
      'message',
      `The ${channel} message was not delivered${detail ? ` (${detail})` : ''}`,
      step,
    );
    if (this.state.isOpen) void this.redeliverAfterFailure(step);
  }

  /**
   * Sends a message to the patient once for `step` (a key unique within this journey), through
   * the engagement layer: consent, preferred channel and fallback, quiet hours and the daily
   * cap (see `deliverToPatient`). Waits while the journey is paused; returns undefined, sending
   * nothing, if it ends meanwhile.
   */
  async notify(step: string, message: PatientMessage): Promise<NotifyResult | undefined> {
    if (this.state.isPaused)
      this.state.record('control', `Message "${message.template}" held while the journey is paused`, step);
    if (!(await this.clocks.whenRunning())) return undefined;
    if (patched(ENGAGEMENT_LAYER_PATCH)) return this.deliver(step, message, []);
    const channel: Channel = message.channel === 'call' || !message.channel ? 'portal' : message.channel;
    const result = await journeyActivities.sendMessage({
      idempotencyKey: `${this.workflowId}/${step}`,
      journeyId: this.workflowId,
      patientRef: this.patient.patientRef,
      channel,
      template: message.template,
      values: message.values ?? {},
      ...(message.urgent ? { urgent: true } : {}),
    });
    this.state.record('message', message.summary ?? `Sent "${message.template}" (${channel})`, step);
    return { delivered: true, channel, messageId: result.messageId };
  }

  private async deliver(
    step: string,
    message: PatientMessage,
    alreadyTried: DeliveryChannel[],
  ): Promise<NotifyResult | undefined> {
    this.sentMessages.set(step, message);
    this.deliveringSteps.add(step);
    const { patientId } = this.patient;
    try {
      if (patientId && !this.contactRefreshed) {
        this.contactRefreshed = true;
        await refreshContactFromEhr(patientId);
      }
      const result = await deliverToPatient(this, step, message, alreadyTried);
      if (patientId && result?.messageId) {
        this.writeBack({ kind: 'communication', outreachMessageId: result.messageId, patientId });
      }
      return result;
    } finally {
      this.deliveringSteps.delete(step);
    }
  }

  /**
   * A message reported undelivered after its step moved on: send it on the next channel, so a
   * bounce or an unreachable phone never silently loses it. A step delivering right now sees
   * the failure itself.
   */
  private async redeliverAfterFailure(step: string): Promise<void> {
    if (this.deliveringSteps.has(step)) return;
    const message = this.sentMessages.get(step);
    const tried = deliveryChannelsOf(step, this.failedDeliveries);
    if (message) {
      await this.deliver(step, message, tried);
      return;
    }
    // Sent before a continue-as-new: the wording is gone from memory, so a person follows up.
    await this.escalate(`${step}/undelivered`, {
      kind: 'call',
      priority: 'routine',
      title: 'Call the patient: a message could not be delivered',
      details: { channels: tried },
    });
  }

  /** Puts a task in the staff queue once for `step`; not held by a pause (escalations never wait). */
  async escalate(step: string, task: StaffTask): Promise<StaffTaskResult> {
    const raising = this.raise(step, task);
    this.staffTasksInFlight.add(raising);
    try {
      return await raising;
    } finally {
      this.staffTasksInFlight.delete(raising);
    }
  }

  private async raise(step: string, task: StaffTask): Promise<StaffTaskResult> {
    const result = await journeyActivities.createStaffTask({
      idempotencyKey: `${this.workflowId}/${step}`,
      journeyId: this.workflowId,
      patientRef: this.patient.patientRef,
      // Only the activity's input changes (no command does): replays of earlier journeys are unaffected.
      ...(this.patient.patientId ? { patientId: this.patient.patientId } : {}),
      ...task,
    });
    // Raised as the journey ended (the answer it follows came just before the end): the end then
    // closes it if it is a call (see `settle`), and the timeline says why it came after the end.
    const asEnded = this.state.isOpen ? '' : ', raised as the journey ended';
    this.state.record('task', `Staff task (${task.priority}): ${task.title}${asEnded}`, step);
    const { patientId } = this.patient;
    if (patientId) this.writeBack({ kind: 'task', staffTaskId: result.taskId, patientId });
    return result;
  }

  /**
   * Cancels this journey's open and claimed tasks that it no longer needs (of `kinds`, or all),
   * with the reason on each task and a timeline line when any was open.
   */
  async closeTasks(closure: StaffTaskClosure): Promise<number> {
    const { closed } = await journeyActivities.closeJourneyStaffTasks({
      journeyId: this.workflowId,
      ...closure,
    });
    if (closed > 0) {
      this.state.record('task', `${closed} staff task(s) closed: ${closure.note ?? closure.outcome}`);
    }
    return closed;
  }

  /** Starts writing to the patient's record without waiting: the journey goes on meanwhile. */
  private writeBack(request: EhrWriteBack): void {
    this.ehrWrites.push(
      writeBackToEhr(request).then((refusal) => {
        if (refusal) this.state.record('control', `Not written to the EHR: ${refusal}`);
      }),
    );
  }

  /**
   * Waits for running update handlers, staff tasks being raised and EHR writes still in flight.
   * Call before the journey ends or continues as new, so no answer, task or write-back is cut off.
   */
  async settle(): Promise<void> {
    await condition(allHandlersFinished);
    // A task still being raised is waited for: the end's closing of calls must find it (HZ-95),
    // and its write-back joins `ehrWrites` below.
    if (this.staffTasksInFlight.size > 0 && patched(SETTLE_WAITS_FOR_STAFF_TASKS_PATCH)) {
      await Promise.allSettled([...this.staffTasksInFlight]);
    }
    await Promise.all(this.ehrWrites);
  }
}

function deliveryChannelsOf(step: string, failed: ReadonlySet<string>): DeliveryChannel[] {
  return [...failed]
    .filter((key) => key.startsWith(`${step}#`))
    .map((key) => key.slice(step.length + 1) as DeliveryChannel);
}
