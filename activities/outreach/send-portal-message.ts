import type { DataSource } from 'typeorm';
import { OutreachMessage } from '../database/outreach-message.entity';
import { renderMessage, type MessageTemplate } from './render-message';

export interface PortalMessageRequest {
  /** Derived from the journey and its step, so a retried or replayed step finds its earlier delivery. */
  idempotencyKey: string;
  journeyId: string;
  patientRef: string;
  template: MessageTemplate;
  values: Record<string, string>;
}

export interface PortalMessageResult {
  messageId: string;
  /** True when this step had already been delivered and nothing new was written. */
  alreadySent: boolean;
}

/** Places a message in the patient's portal inbox exactly once per idempotency key. */
export function sendPortalMessageActivity(dataSource: DataSource) {
  return async function sendPortalMessage(request: PortalMessageRequest): Promise<PortalMessageResult> {
    const body = renderMessage(request.template, request.values);
    const inserted = await dataSource
      .createQueryBuilder()
      .insert()
      .into(OutreachMessage)
      .values({
        idempotencyKey: request.idempotencyKey,
        journeyId: request.journeyId,
        patientRef: request.patientRef,
        channel: 'portal',
        template: request.template,
        body,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const newId = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (newId) return { messageId: newId, alreadySent: false };

    const existing = await dataSource
      .getRepository(OutreachMessage)
      .findOneByOrFail({ idempotencyKey: request.idempotencyKey });
    return { messageId: existing.id, alreadySent: true };
  };
}
