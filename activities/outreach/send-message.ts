import type { DataSource } from 'typeorm';
import { insertOnce } from '../../persistence/insert-once';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { renderTemplate } from '../../shared/engagement/templates/render-template';

export type Channel = 'portal' | 'email' | 'sms' | 'letter';

export interface PatientMessageRequest {
  /** Derived from the journey and its step, so a retried or replayed step finds its earlier delivery. */
  idempotencyKey: string;
  journeyId: string;
  patientRef: string;
  /** The channel the journey asked for. */
  channel: Channel;
  template: string;
  /** Already formatted by the workflow, never raw clinical records. */
  values: Record<string, string>;
  /** Clinical messages that must not wait behind non-urgent outreach. */
  urgent?: boolean;
}

export interface PatientMessageResult {
  messageId: string;
  /** True when this step had already been delivered and nothing new was written. */
  alreadySent: boolean;
}

/**
 * Records a message for the patient exactly once per idempotency key. Until the engagement layer
 * (SMTP, SMS, consent, quiet hours) lands, every channel is delivered to the outreach log, which
 * is also the patient-portal inbox; the requested channel is kept with it.
 */
export function sendMessageActivity(dataSource: DataSource) {
  return async function sendMessage(request: PatientMessageRequest): Promise<PatientMessageResult> {
    // Patients have no language or reading-level preference yet: everyone gets plain English.
    const { text: body } = renderTemplate({
      key: request.template,
      channel: request.channel,
      language: 'en',
      readingLevel: 'plain',
      values: request.values,
    });
    const { id, inserted } = await insertOnce(dataSource, OutreachMessage, {
      idempotencyKey: request.idempotencyKey,
      journeyId: request.journeyId,
      patientRef: request.patientRef,
      channel: request.channel,
      template: request.template,
      body,
    });
    return { messageId: id, alreadySent: !inserted };
  };
}
