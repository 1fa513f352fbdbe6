import { log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { DELIVERED_STATUSES, type OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { NotSentError, type ChannelAdapter, type OutboundMessage } from '../../channels/channel-adapter';
import type { ChannelModule } from '../../channels/channel-module';
import { type DeliveryChannel } from '../../contracts/delivery-channels';
import { chooseChannel } from './channel-choice';
import { DeliveryLog } from './delivery-log';
import { readSendContext } from './send-context';
import type { DeliveryLinks } from '../../shared/engagement/delivery-links';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import type { PatientVitalStatus } from '../../shared/ehr/patient-vital-status';
import { quietWindowFor, type EngagementPolicy } from '../../shared/engagement/engagement-policy';
import { firstAllowedAt, localDay, quietHoursEnd } from './policy/send-window';
import type { InlineWording } from '../../shared/engagement/templates/inline-wording';
import { renderInlineWording, renderTemplate } from '../../shared/engagement/templates/render-template';
import { isTimeZone } from '../../contracts/contract-fields';

export interface DeliveryRequest {
  /** `<journey>/<step>`: every attempt of this step, on any channel, shares it. */
  stepKey: string;
  journeyId: string;
  patientRef: string;
  /** The EHR patient id, when the journey has one: the patient's record is read before sending. */
  patientId?: string;
  /** The wording key: its files' name, or (with `wording`) the name the log gives the message. */
  template: string;
  /**
   * Wording written in a journey definition, rendered instead of the key's files (the same
   * renderer, fallback order, email layout and SMS limit); absent for the coded journeys.
   */
  wording?: InlineWording;
  values: Record<string, string>;
  /** Clinical messages: exempt from the daily cap, and labelled urgent in the log and for staff. */
  urgent?: boolean;
  /** The journey's first choice; the patient's own order follows. */
  channel?: DeliveryChannel;
  /** Channels this step already tried. */
  exclude: DeliveryChannel[];
  /** The journey's clock (workflow time): what quiet hours and the daily cap are judged by. */
  at: string;
}

export type DeliveryResult =
  | {
      outcome: 'sent';
      channel: DeliveryChannel;
      messageId: string;
      alreadySent: boolean;
      uncertain?: boolean;
    }
  | { outcome: 'deferred'; channel: DeliveryChannel; reason: 'quiet-hours' | 'daily-cap'; until: string }
  | { outcome: 'rejected'; channel: DeliveryChannel; code: string; reason: string }
  | { outcome: 'unreachable'; reasons: Partial<Record<DeliveryChannel, string>> }
  /** The EHR records the patient as deceased: nothing is sent, on any channel, now or later. */
  | { outcome: 'deceased' };

/**
 * How far the provider's clock may lag ours: its copy of an attempt is looked for from this long
 * before the attempt began, as missing it would send the message twice.
 */
const PROVIDER_CLOCK_MARGIN_MS = 5_000;

export interface EngagementDependencies {
  dataSource: DataSource;
  policy: EngagementPolicy;
  /** The channels this deployment has a provider for: each module with its adapter. */
  channels: readonly ReadyChannel[];
  links: DeliveryLinks;
  /** The patient's EHR record, asked before every send; without an EHR nothing can be asked. */
  vitalStatus?: PatientVitalStatus;
}

export interface ReadyChannel {
  module: ChannelModule;
  adapter: ChannelAdapter;
}

/**
 * The one path every patient message takes. Per attempt, in this order: a step already
 * delivered answers as sent (retries and replays send nothing); the channel is chosen from the
 * step's and the patient's order by address and consent, read with the step's attempts (one
 * statement at every send, so a STOP applies to the very next send); a patient the EHR records as deceased gets nothing (safety invariant 8: read from the
 * record at each send, on every channel); quiet hours and the daily cap defer (the workflow waits on a durable timer and asks
 * again); the attempt is logged before the provider is called and updated with its answer.
 */
export function deliverMessageActivity(deps: EngagementDependencies) {
  const deliveryLog = new DeliveryLog(deps.dataSource);
  const contacts = new PatientContactStore(deps.dataSource);
  const available = new Map(deps.channels.map(({ module }) => [module.name, module]));
  const adapters = new Map(deps.channels.map(({ module, adapter }) => [module.name, adapter]));
  const adapterNames = new Set(adapters.keys());

  return async function deliverMessage(request: DeliveryRequest): Promise<DeliveryResult> {
    const { attempts, contact, consents } = await readSendContext(
      deps.dataSource,
      request.stepKey,
      request.patientRef,
    );
    const open = attempts.filter((attempt) => !request.exclude.includes(channelOf(attempt)));
    const delivered = open.find(
      (attempt) => DELIVERED_STATUSES.includes(attempt.status) && attempt.status !== 'sending',
    );
    if (delivered) return sentResult(delivered, true);
    if (request.patientId && (await deps.vitalStatus?.isDeceased(request.patientId))) {
      return { outcome: 'deceased' };
    }

    const choice = chooseChannel({
      patientRef: request.patientRef,
      contact,
      consents,
      policy: deps.policy,
      requested: request.channel,
      exclude: request.exclude,
      available: adapterNames,
      moduleOf: (name) => available.get(name),
    });
    if (choice.channel === null) return { outcome: 'unreachable', reasons: choice.reasons };
    const { channel, address } = choice;
    const adapter = adapters.get(channel)!;
    const { rendering } = available.get(channel)!;

    const inFlight = open.find((attempt) => attempt.status === 'sending' && attempt.channel === channel);
    if (inFlight) return recover(inFlight, outbound(inFlight, address, request), adapter);

    const at = new Date(request.at);
    const timeZone = quietHoursZone(contact?.timeZone, request.values.timeZone, deps.policy);
    const quietWindow = quietWindowFor(deps.policy, channel, contact?.quietHours);
    const quietEnd = quietHoursEnd(at, quietWindow, timeZone);
    if (quietEnd)
      return { outcome: 'deferred', channel, reason: 'quiet-hours', until: quietEnd.toISOString() };

    const language = contact?.language ?? 'en';
    const readingLevel = contact?.readingLevel ?? 'plain';
    const templateRequest = {
      key: request.template,
      channel,
      rendering,
      language,
      readingLevel,
      values: {
        ...request.values,
        ...(rendering.unsubscribeLink
          ? { unsubscribeUrl: deps.links.unsubscribeUrl(request.patientRef, channel) }
          : {}),
      },
    };
    const rendered = request.wording
      ? renderInlineWording({ ...templateRequest, wording: request.wording })
      : renderTemplate(templateRequest);
    const day = localDay(at, timeZone);
    const reservation = await deliveryLog.reserve(
      {
        idempotencyKey: `${request.stepKey}#${channel}`,
        stepKey: request.stepKey,
        journeyId: request.journeyId,
        patientRef: request.patientRef,
        channel,
        template: request.template,
        urgent: request.urgent ?? false,
        language: rendered.variant.language,
        readingLevel: rendered.variant.readingLevel,
        templateFile: rendered.variant.file,
        content: rendered,
        plannedAt: at,
      },
      request.urgent ? null : { limit: deps.policy.dailyMessageCap, day },
    );
    if ('capReached' in reservation) {
      const until = firstAllowedAt(day.end, quietWindow, timeZone);
      return { outcome: 'deferred', channel, reason: 'daily-cap', until: until.toISOString() };
    }
    const { attempt, fresh } = reservation;
    if (!fresh) return settled(attempt) ?? recover(attempt, outbound(attempt, address, request), adapter);

    return send(attempt, { ...outbound(attempt, address, request), content: rendered }, adapter);
  };

  function outbound(attempt: OutreachMessage, address: string, request: DeliveryRequest): OutboundMessage {
    const { rendering } = available.get(attempt.channel)!;
    return {
      messageId: attempt.id,
      idempotencyKey: attempt.idempotencyKey,
      to: address,
      content: { ...(attempt.subject ? { subject: attempt.subject } : {}), text: attempt.body },
      ...(rendering.unsubscribeLink
        ? { unsubscribeUrl: deps.links.unsubscribeUrl(request.patientRef, channelOf(attempt)) }
        : {}),
      ...(rendering.statusCallback ? { statusCallbackUrl: deps.links.smsStatusCallbackUrl(attempt.id) } : {}),
      journeyId: request.journeyId,
      urgent: request.urgent ?? false,
    };
  }

  async function send(
    attempt: OutreachMessage,
    message: OutboundMessage,
    adapter: ChannelAdapter,
  ): Promise<DeliveryResult> {
    let answer;
    try {
      answer = await adapter.send(message);
    } catch (error) {
      if (error instanceof NotSentError) await deliveryLog.markNotSent(attempt.id, error.message);
      // Otherwise the attempt stays `sending`: the retry asks the provider before sending again.
      throw error;
    }
    if (answer.status === 'sent') {
      await deliveryLog.markSent(attempt.id, answer.providerMessageId, answer.providerStatus ?? null);
      return sentResult(attempt, false);
    }
    await deliveryLog.markRejected(attempt.id, answer.code, answer.reason);
    if (answer.optedOut) {
      await contacts.setConsent(attempt.patientRef, {
        channel: channelOf(attempt),
        status: 'revoked',
        source: 'provider',
      });
    }
    return { outcome: 'rejected', channel: channelOf(attempt), code: answer.code, reason: answer.reason };
  }

  /**
   * An attempt left `sending`: the process stopped (or lost the provider's answer) after the
   * provider may have taken the message. Ask the provider; send only if it says no; if it
   * cannot say, mark the attempt uncertain rather than risk a second message.
   */
  async function recover(
    attempt: OutreachMessage,
    message: OutboundMessage,
    adapter: ChannelAdapter,
  ): Promise<DeliveryResult> {
    if (!adapter.findSent) {
      await deliveryLog.markUncertain(attempt.id);
      log.warn('Delivery outcome unknown after an interruption; not sent again', { messageId: attempt.id });
      return { ...sentResult(attempt, true), uncertain: true };
    }
    // `sending` was written (with its time) just before the provider was called.
    const attemptStart = attempt.statusUpdatedAt.getTime();
    const copies = await adapter.findSent(message, new Date(attemptStart - PROVIDER_CLOCK_MARGIN_MS));
    const claimed = await deliveryLog.claimedElsewhere(
      attempt.id,
      channelOf(attempt),
      copies.map((copy) => copy.providerMessageId),
    );
    // Several unclaimed copies are this attempt's and other in-doubt attempts' of the same text to
    // the same number: indistinguishable to the patient. Taking the oldest sends nothing twice,
    // and the unique provider id lets only one attempt record each copy; an attempt that loses
    // one fails, retries, and takes the next, or sends when none is left. Taking none would
    // either send a second copy or leave two in-doubt attempts waiting on each other for good.
    const own = copies.find((copy) => !claimed.has(copy.providerMessageId));
    if (own) {
      await deliveryLog.markSent(attempt.id, own.providerMessageId, 'confirmed after an interruption');
      return sentResult(attempt, true);
    }
    return send(attempt, message, adapter);
  }
}

function settled(attempt: OutreachMessage): DeliveryResult | null {
  if (attempt.status === 'rejected') {
    return {
      outcome: 'rejected',
      channel: channelOf(attempt),
      code: attempt.errorCode ?? 'rejected',
      reason: attempt.errorReason ?? '',
    };
  }
  if (attempt.status === 'sending') return null;
  return sentResult(attempt, true);
}

/**
 * The attempt's channel as the log stores it: a product channel, or one registered at runtime,
 * which reaches journeys as an opaque name (channels/channel-module.ts says why).
 */
function channelOf(attempt: OutreachMessage): DeliveryChannel {
  return attempt.channel as DeliveryChannel;
}

type SentResult = Extract<DeliveryResult, { outcome: 'sent' }>;

function sentResult(attempt: OutreachMessage, alreadySent: boolean): SentResult {
  return {
    outcome: 'sent',
    channel: channelOf(attempt),
    messageId: attempt.id,
    alreadySent,
    ...(attempt.status === 'uncertain' ? { uncertain: true } : {}),
  };
}

/**
 * Quiet hours are the patient's own night (safety invariant 2): their recorded zone, else the
 * zone their journey words times in (resolved from the EHR at enrolment), else the organisation's
 * zone. Never a silent UTC.
 */
export function quietHoursZone(
  contactZone: string | null | undefined,
  journeyZone: string | undefined,
  policy: EngagementPolicy,
): string {
  if (contactZone && isTimeZone(contactZone)) return contactZone;
  if (journeyZone && isTimeZone(journeyZone)) return journeyZone;
  return policy.defaultTimeZone;
}
