import { In, Not, type DataSource } from 'typeorm';
import { entityFromJson } from '../../persistence/entity-from-json';
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
   * take the last place of the day. Under the lock, one statement reads the key's row and the
   * day's count and writes the attempt with its `sending` event when both allow it.
   */
  reserve(draft: AttemptDraft, cap: DailyCap | null): Promise<Reservation> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`outreach:${draft.patientRef}`]);
      const [row] = (await manager.query(RESERVE_SQL, [
        draft.idempotencyKey,
        draft.stepKey,
        draft.journeyId,
        draft.patientRef,
        draft.channel,
        draft.template,
        draft.urgent,
        draft.language,
        draft.readingLevel,
        draft.templateFile,
        draft.content.subject ?? null,
        draft.content.text,
        draft.plannedAt,
        new Date(),
        cap?.limit ?? null,
        cap?.day.start ?? null,
        // The day's last millisecond: a message planned at the next day's first belongs to that day.
        cap ? new Date(cap.day.end.getTime() - 1) : null,
        DELIVERED_STATUSES,
      ])) as ReserveRow[];
      const existing = row.existing && entityFromJson(this.dataSource, OutreachMessage, row.existing);
      if (existing && existing.status !== 'failed') return { attempt: existing, fresh: false };
      if (cap && (row.sent_on_day ?? 0) >= cap.limit) return { capReached: true };
      if (row.inserted) {
        return { attempt: entityFromJson(this.dataSource, OutreachMessage, row.inserted), fresh: true };
      }
      if (!existing) throw new Error(`Outreach attempt ${draft.idempotencyKey} was neither found nor logged`);
      // An earlier try that the provider certainly did not take: this one sends it.
      await manager.update(OutreachMessage, existing.id, { status: 'sending', statusUpdatedAt: new Date() });
      return { attempt: { ...existing, status: 'sending' }, fresh: true };
    });
  }

  /**
   * Records the provider's acceptance. Its status callbacks may have overtaken this answer
   * (delivered, even failed), so a status already further along is kept: the UPDATE judges the
   * row as it stands once it holds the row's lock, so one autocommitted statement does what a
   * locking read, an update and an insert in a transaction did.
   */
  async markSent(attemptId: string, providerMessageId: string, detail: string | null = null): Promise<void> {
    const logged = (await this.dataSource.query(MARK_SENT_SQL, [
      attemptId,
      providerMessageId,
      new Date(),
      detail,
    ])) as unknown[];
    if (logged.length === 0) throw new Error(`No outreach attempt ${attemptId} to mark sent`);
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

interface ReserveRow {
  existing: Record<string, unknown> | null;
  /** Non-urgent messages the patient got (or may have got) on the local day; null without a cap. */
  sent_on_day: number | null;
  inserted: Record<string, unknown> | null;
}

/*
 * Reads run under the lock the transaction took in its statement before, so they see every
 * attempt logged before it. The count is of non-urgent messages the patient got (or may have
 * got) on their local day; calls are staff work, not counted.
 */
const RESERVE_SQL = `
WITH existing AS (
  SELECT * FROM outreach_message WHERE idempotency_key = $1
), sent_on_day AS (
  SELECT count(*)::int AS sent FROM outreach_message
   WHERE $15::int IS NOT NULL AND patient_ref = $4 AND urgent = false AND channel <> 'call'
     AND status = ANY($18::text[]) AND planned_at BETWEEN $16::timestamptz AND $17::timestamptz
), inserted AS (
  INSERT INTO outreach_message (idempotency_key, step_key, journey_id, patient_ref, channel, template, status,
    urgent, language, reading_level, template_file, subject, body, planned_at, sent_at, status_updated_at)
  SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, 'sending', $7::boolean, $8::text, $9::text,
    $10::text, $11::text, $12::text, $13::timestamptz, NULL, $14::timestamptz
   WHERE NOT EXISTS (SELECT 1 FROM existing)
     AND ($15::int IS NULL OR (SELECT sent FROM sent_on_day) < $15::int)
  RETURNING *
), logged AS (
  INSERT INTO outreach_delivery_event (message_id, status, source, detail, occurred_at)
  SELECT id, 'sending', 'delivery', NULL, $14::timestamptz FROM inserted
)
SELECT (SELECT row_to_json(existing) FROM existing) AS existing,
  (SELECT sent FROM sent_on_day) AS sent_on_day,
  (SELECT row_to_json(inserted) FROM inserted) AS inserted`;

const MARK_SENT_SQL = `
WITH updated AS (
  UPDATE outreach_message
     SET provider_message_id = $2::text, sent_at = $3::timestamptz,
         status = CASE WHEN status IN ('sending', 'uncertain') THEN 'sent' ELSE status END,
         status_updated_at = CASE WHEN status IN ('sending', 'uncertain') THEN $3::timestamptz ELSE status_updated_at END
   WHERE id = $1::uuid
  RETURNING id
)
INSERT INTO outreach_delivery_event (message_id, status, source, detail, occurred_at)
SELECT id, 'sent', 'delivery', $4::text, $3::timestamptz FROM updated
RETURNING message_id`;

export function event(messageId: string, status: string, source: string, detail: string | null) {
  return { messageId, status, source, detail, occurredAt: new Date() };
}
