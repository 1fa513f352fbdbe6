import { patched } from '@temporalio/workflow';
import type { DeliveryChannel } from '../contracts/delivery-channels';
import type { DeliveryRequest, DeliveryResult } from '../activities/engagement/deliver-message';
import { journeyActivities } from './journey-activities';
import type { TimelineKind } from '../contracts/journey-contract';
import { heldLine } from '../contracts/held-messages';

export interface PatientMessage {
  /** The step's first-choice channel; the patient's own order follows. Omit to use only theirs. */
  channel?: DeliveryChannel;
  template: string;
  /** Wording written in a journey definition: rendered instead of the template's files. */
  wording?: DeliveryRequest['wording'];
  values?: Record<string, string>;
  /** Clinical messages: exempt from the daily cap (and labelled so), never from quiet hours or consent. */
  urgent?: boolean;
  /** The timeline line; defaults to naming the template. */
  summary?: string;
  /**
   * Wait this long (active time) for a response after a send; without one, the next channel in
   * the patient's order is tried, and a staff call once none is left.
   */
  respondWithinMs?: number;
  /** The journey's own sign of a response (e.g. an appointment booked), besides replies and calls. */
  responded?: () => boolean;
}

export interface NotifyResult {
  /** False when no channel could take the message and a staff call was queued instead. */
  delivered: boolean;
  /** Not sent because the EHR records the patient as deceased. */
  deceased?: boolean;
  channel?: DeliveryChannel;
  messageId?: string;
}

/** What the delivery loop needs from the journey runtime. */
export interface DeliveryHost {
  readonly workflowId: string;
  readonly patientRef: string;
  /** The EHR patient id: the engagement layer reads the record (deceased?) before each send. */
  readonly patientId?: string;
  /** False once the journey ended (completed, cancelled by an operator or by the EHR). */
  readonly isOpen: boolean;
  record(kind: TimelineKind, summary: string, ref?: string): void;
  whenRunning(): Promise<boolean>;
  sleep(durationMs: number, summary: string, wake?: () => boolean): Promise<'elapsed' | 'woken' | 'ended'>;
  sleepUntil(epochMs: number, summary: string, wake?: () => boolean): Promise<'elapsed' | 'woken' | 'ended'>;
  escalate(
    step: string,
    task: { kind: string; priority: 'routine' | 'urgent'; title: string; details?: Record<string, unknown> },
  ): Promise<unknown>;
  /** Counts patient responses (replies, completed calls) so a wait can notice a new one. */
  responsesSoFar(): number;
  /** True once the provider reported this step's message on this channel failed after sending. */
  deliveryFailed(step: string, channel: DeliveryChannel): boolean;
}

/**
 * Gets one journey step's message to the patient. The activity decides what can happen now
 * (consent, address, quiet hours, daily cap, the provider's answer); this loop does the waiting
 * that must survive restarts: a durable timer until the quiet hours or the day's cap allow, and
 * the response window after which the next channel is tried. Each turn asks the activity again,
 * so a STOP that arrives while a message waits stops that message.
 */
export async function deliverToPatient(
  host: DeliveryHost,
  step: string,
  message: PatientMessage,
  alreadyTried: DeliveryChannel[] = [],
): Promise<NotifyResult | undefined> {
  const exclude = [...alreadyTried];
  const label = message.summary ?? `"${message.template}"`;
  for (;;) {
    if (!(await host.whenRunning())) return undefined;
    const result: DeliveryResult = await journeyActivities.deliverMessage({
      stepKey: `${host.workflowId}/${step}`,
      journeyId: host.workflowId,
      patientRef: host.patientRef,
      ...(host.patientId ? { patientId: host.patientId } : {}),
      template: message.template,
      // Only definition journeys pass wording: the coded journeys' activity input is unchanged.
      ...(message.wording ? { wording: message.wording } : {}),
      values: message.values ?? {},
      ...(message.urgent ? { urgent: true } : {}),
      ...(message.channel ? { channel: message.channel } : {}),
      exclude: [...exclude],
      at: new Date().toISOString(),
    });
    if (!host.isOpen && patched(DELIVERY_ENDS_WITH_JOURNEY_PATCH))
      return afterJourneyEnded(host, step, label, message, result);
    switch (result.outcome) {
      case 'deferred':
        host.record('message', heldLine(label, result.until, result.reason), step);
        await host.sleepUntil(Date.parse(result.until), 'Message held: quiet hours or the daily cap');
        continue;
      case 'rejected':
        host.record(
          'message',
          `${label}: ${result.channel} refused it (${result.code}); trying the next channel`,
          step,
        );
        exclude.push(result.channel);
        continue;
      case 'unreachable':
        host.record('message', `${label} reached no channel (${describeReasons(result.reasons)})`, step);
        await host.escalate(`${step}/unreachable`, {
          kind: 'call',
          priority: message.urgent ? 'urgent' : 'routine',
          title: 'Call the patient: no message channel could reach them',
          details: { template: message.template, reasons: result.reasons },
        });
        return { delivered: false };
      case 'deceased':
        // Not a channel failure: no retry, no other channel, no "call the patient" task.
        host.record('message', `${label} not sent: the EHR records the patient as deceased`, step);
        await host.escalate('patient-deceased', {
          kind: 'patient-deceased',
          priority: 'routine',
          title: 'The EHR records this patient as deceased: review and close their journey',
          details: { template: message.template },
        });
        return { delivered: false, deceased: true };
      case 'sent': {
        host.record('message', sentLine(label, result, message.urgent), step);
        if (result.uncertain && patched(UNCONFIRMED_DELIVERY_PATCH)) {
          await confirmWithPatient(host, step, message, result.channel);
        }
        const failed = () => host.deliveryFailed(step, result.channel);
        // A bounce reported in the same workflow task as the send lands before this line runs.
        if (!message.respondWithinMs && !failed()) return sentOutcome(result);
        const responses = host.responsesSoFar();
        const waited = failed()
          ? 'woken'
          : await host.sleep(
              message.respondWithinMs ?? 0,
              `Wait for a response by ${result.channel}`,
              () => failed() || host.responsesSoFar() !== responses || (message.responded?.() ?? false),
            );
        if (waited === 'ended' || (waited === 'woken' && !failed())) return sentOutcome(result);
        host.record(
          'message',
          failed()
            ? `${label}: ${result.channel} reported it undelivered; trying the next channel`
            : `${label}: no response by ${result.channel} in time; trying the next channel`,
          step,
        );
        exclude.push(result.channel);
        continue;
      }
    }
  }
}

/** Journeys that ended while a delivery was in flight before this rule replay as they ran. */
const DELIVERY_ENDS_WITH_JOURNEY_PATCH = 'delivery-ends-with-journey';

/**
 * The journey ended while the activity ran: the EHR recorded a death, an operator cancelled it.
 * Nothing more is tried and nobody is asked to call (a family called about a dead patient's
 * screening is the harm, HZ-93); a message that did go out is still recorded, as it happened.
 */
function afterJourneyEnded(
  host: DeliveryHost,
  step: string,
  label: string,
  message: PatientMessage,
  result: DeliveryResult,
): NotifyResult | undefined {
  if (result.outcome !== 'sent') return undefined;
  host.record('message', `${sentLine(label, result, message.urgent)}, as the journey ended`, step);
  return sentOutcome(result);
}

/** Journeys that met an unconfirmed delivery before the staff task existed replay without it. */
const UNCONFIRMED_DELIVERY_PATCH = 'unconfirmed-delivery-staff-task';

/**
 * A crash cut the provider's answer off and the provider cannot be asked (SMTP), so whether the
 * patient got the message is unknown. Sending again could message them twice; assuming it
 * arrived could lose it. A person checks instead: once per step, whichever turn notices it.
 */
async function confirmWithPatient(
  host: DeliveryHost,
  step: string,
  message: PatientMessage,
  channel: DeliveryChannel,
): Promise<void> {
  await host.escalate(`${step}/unconfirmed`, {
    kind: 'call',
    priority: message.urgent ? 'urgent' : 'routine',
    title: `Check with the patient: a message by ${channel} may not have reached them`,
    details: { template: message.template, channel, reason: 'delivery unconfirmed after an interruption' },
  });
}

function sentLine(
  label: string,
  result: Extract<DeliveryResult, { outcome: 'sent' }>,
  urgent?: boolean,
): string {
  const flags = [
    urgent ? 'urgent, not capped' : null,
    result.uncertain ? 'delivery unconfirmed after an interruption; not resent' : null,
  ]
    .filter(Boolean)
    .join('; ');
  return `${label} sent by ${result.channel}${flags ? ` (${flags})` : ''}`;
}

function sentOutcome(result: Extract<DeliveryResult, { outcome: 'sent' }>): NotifyResult {
  return { delivered: true, channel: result.channel, messageId: result.messageId };
}

function describeReasons(reasons: Partial<Record<DeliveryChannel, string>>): string {
  const parts = Object.entries(reasons).map(([channel, reason]) => `${channel}: ${reason}`);
  return parts.length ? parts.join('; ') : 'no channels';
}
