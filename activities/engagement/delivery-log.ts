import { Between, In, Not, type DataSource, type EntityManager } from 'typeorm';
import { OutreachDeliveryEvent } from '../../persistence/entities/outreach-delivery-event.entity';
import {
  DELIVERED_STATUSES,
  OutreachMessage,
  type OutreachStatus,
} from '../../persistence/entities/outreach-message.entity';
import type { RenderedMessage } from '../../channels/channel-adapter';
import type { DeliveryChannel } from '../../contracts/delivery-channels';

export interface AttemptDraft {
  idempotencyKey: string;
  stepKey: string;
  journeyId: string;
  patientRef: string;
  channel: DeliveryChannel;
  template: string;
  urgent: boolean;
  language: string;
  readingLevel: string;
  templateFile: string;
  content: RenderedMessage;
  plannedAt: Date;
}

export interface DailyCap {
  limit: number;
  day: { start: Date; end: Date };
}

export type Reservation = { attempt: OutreachMessage; fresh: boolean } | { capReached: true };

/**
 * The outreach log as the delivery activity writes it: an attempt is logged as `sending` before
 * the provider is called and updated with its answer, so every retry finds what happened before.
 */
export class DeliveryLog {
  constructor(private readonly dataSource: DataSource) {}

  attemptsOfStep(stepKey: string): Promise<OutreachMessage[]> {
    return this.dataSource
      .getRepository(OutreachMessage)
      .find({ where: { stepKey }, order: { createdAt: 'ASC' } });
  }

  /**
   * Of these provider ids, those the log records for an attempt other than `attemptId`: the
   * provider's copies that are certainly not this attempt's.
   */
  async claimedElsewhere(
    attemptId: string,
    channel: DeliveryChannel,
    providerMessageIds: string[],
  ): Promise<Set<string>> {
    if (providerMessageIds.length === 0) return new Set();
    const claimed = await this.dataSource.getRepository(OutreachMessage).find({
      select: { providerMessageId: true },
      where: { channel, providerMessageId: In(providerMessageIds), id: Not(attemptId) },
    });
    return new Set(claimed.map((row) => row.providerMessageId!));
  }

  /**
   * Logs the attempt unless its key is logged already, counting it against the patient's daily
   * cap. One transaction under a per-patient lock, so two journeys sending at once cannot both
   * take the last place of the day.
   */
  reserve(draft: AttemptDraft, cap: DailyCap | null): Promise<Reservation> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`outreach:${draft.patientRef}`]);
      const existing = await manager.findOneBy(OutreachMessage, { idempotencyKey: draft.idempotencyKey });
      if (existing && existing.status !== 'failed') return { attempt: existing, fresh: false };
      if (cap && (await sentOnDay(manager, draft.patientRef, cap.day)) >= cap.limit)
        return { capReached: true };
      if (existing) {
        // An earlier try that the provider certainly did not take: this one sends it.
        await manager.update(OutreachMessage, existing.id, {
          status: 'sending',
          statusUpdatedAt: new Date(),
        });
        return { attempt: { ...existing, status: 'sending' }, fresh: true };
      }
      const attempt = manager.create(OutreachMessage, {
        idempotencyKey: draft.idempotencyKey,
        stepKey: draft.stepKey,
        journeyId: draft.journeyId,
        patientRef: draft.patientRef,
        channel: draft.channel,
        template: draft.template,
        status: 'sending',
        urgent: draft.urgent,
        language: draft.language,
        readingLevel: draft.readingLevel,
        templateFile: draft.templateFile,
        subject: draft.content.subject ?? null,
        body: draft.content.text,
        plannedAt: draft.plannedAt,
        sentAt: null,
        statusUpdatedAt: new Date(),
      });
      const saved = await manager.save(attempt);
      await manager.insert(OutreachDeliveryEvent, event(saved.id, 'sending', 'delivery', null));
      return { attempt: saved, fresh: true };
    });
  }

  /**
   * Records the provider's acceptance. Its status callbacks may have overtaken this answer
   * (delivered, even failed), so a status already further along is kept.
   */
  async markSent(attemptId: string, providerMessageId: string, detail: string | null = null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(OutreachMessage, {
        where: { id: attemptId },
        lock: { mode: 'pessimistic_write' },
      });
      const overtaken = !['sending', 'uncertain'].includes(current.status);
      await manager.update(OutreachMessage, attemptId, {
        providerMessageId,
        sentAt: new Date(),
        ...(overtaken ? {} : { status: 'sent', statusUpdatedAt: new Date() }),
      });
      await manager.insert(OutreachDeliveryEvent, event(attemptId, 'sent', 'delivery', detail));
    });
  }

  async markRejected(attemptId: string, code: string, reason: string): Promise<void> {
    await this.change(attemptId, 'rejected', 'delivery', code, { errorCode: code, errorReason: reason });
  }

  async markNotSent(attemptId: string, reason: string): Promise<void> {
    await this.change(attemptId, 'failed', 'delivery', 'not-sent', { errorReason: reason });
  }

  async markUncertain(attemptId: string): Promise<void> {
    await this.change(attemptId, 'uncertain', 'delivery', 'provider cannot confirm; not sent again', {});
  }

  private async change(
    attemptId: string,
    status: OutreachStatus,
    source: string,
    detail: string | null,
    fields: Partial<OutreachMessage>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(OutreachMessage, attemptId, { ...fields, status, statusUpdatedAt: new Date() });
      await manager.insert(OutreachDeliveryEvent, event(attemptId, status, source, detail));
    });
  }
}

/** Non-urgent messages the patient got (or may have got) on their local day; calls are staff work, not counted. */
function sentOnDay(
  manager: EntityManager,
  patientRef: string,
  day: { start: Date; end: Date },
): Promise<number> {
  return manager.countBy(OutreachMessage, {
    patientRef,
    urgent: false,
    channel: Not('call'),
    status: In(DELIVERED_STATUSES),
    plannedAt: Between(day.start, new Date(day.end.getTime() - 1)),
  });
}

export function event(messageId: string, status: string, source: string, detail: string | null) {
  return { messageId, status, source, detail, occurredAt: new Date() };
}
