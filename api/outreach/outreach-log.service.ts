import { Inject, Injectable } from '@nestjs/common';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import { OutreachDeliveryEvent } from '../../persistence/entities/outreach-delivery-event.entity';
import { OutreachMessage, type OutreachStatus } from '../../persistence/entities/outreach-message.entity';
import { deliveryStatusSignal, patientRespondedSignal } from '../../contracts/journey-contract';
import { JourneySignals } from '../engagement/journey-signals.service';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { withAuditedPatient } from '../audit/audited-patients';
import type { OutreachMessageView } from './dto/outreach-views';

/** How far along a message is; a late or repeated callback never moves it back. */
const progressOf: Record<OutreachStatus, number> = {
  sending: 0,
  uncertain: 1,
  sent: 1,
  delivered: 2,
  read: 3,
  rejected: 4,
  failed: 4,
};

export type ProviderStatus = 'sent' | 'delivered' | 'read' | 'failed';

/**
 * Whether a reported status moves a message on. A delivered (or read) message stays delivered: a
 * late or replayed `failed` must not reopen it and send the step again on another channel.
 */
function statusAdvances(current: OutreachStatus, reported: ProviderStatus): boolean {
  if (current === 'rejected') return false;
  if (reported === 'failed' && (current === 'delivered' || current === 'read')) return false;
  return progressOf[reported] > progressOf[current];
}

/** The outreach log as operators and the portal read it, and the status changes providers and patients report. */
@Injectable()
export class OutreachLog {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly signals: JourneySignals,
  ) {}

  /**
   * A journey's messages, marked as its patient's for the audit trail (every row of a journey
   * names the same patient; an empty log showed nothing about anyone).
   */
  async forJourney(journeyId: string): Promise<OutreachMessageView[]> {
    const { views, patientRefs } = await this.read({ journeyId });
    return withAuditedPatient(views, patientRefs[0]);
  }

  async forPatient(patientRef: string, channel?: DeliveryChannel): Promise<OutreachMessageView[]> {
    return (await this.read({ patientRef, ...(channel ? { channel } : {}) })).views;
  }

  /**
   * Applies a provider's (or the portal's) report on a message it sent. Unknown ids are
   * ignored: a provider may report messages this deployment did not send. A failure tells the
   * journey, which tries the patient's next channel.
   */
  async applyStatus(
    where:
      { channel: DeliveryChannel; providerMessageId: string } | { id: string; channel?: DeliveryChannel },
    status: ProviderStatus,
    source: 'provider' | 'patient',
    detail: string | null,
  ): Promise<OutreachMessage | null> {
    const message = await this.dataSource.getRepository(OutreachMessage).findOneBy(where);
    if (!message) return null;
    const advances = statusAdvances(message.status, status);
    const recorded = await this.dataSource.transaction(async (manager) => {
      // A provider reports each status of a message once; a replayed callback writes nothing.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(OutreachDeliveryEvent)
        .values({ messageId: message.id, status, source, detail, occurredAt: new Date() })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      if (advances) {
        await manager.update(OutreachMessage, message.id, {
          status,
          statusUpdatedAt: new Date(),
          ...(status === 'failed' ? { errorCode: detail } : {}),
        });
      }
      return true;
    });
    if (!recorded) return message;
    if (advances && message.stepKey) {
      const step = message.stepKey.slice(message.journeyId.length + 1);
      if (status === 'failed') {
        await this.signals.send(message.journeyId, deliveryStatusSignal, {
          step,
          channel: message.channel,
          status,
          ...(detail ? { detail } : {}),
        });
      }
      if (status === 'read') {
        await this.signals.send(message.journeyId, patientRespondedSignal, { channel: message.channel });
      }
    }
    return message;
  }

  private async read(
    where: FindOptionsWhere<OutreachMessage>,
  ): Promise<{ views: OutreachMessageView[]; patientRefs: string[] }> {
    const messages = await this.dataSource
      .getRepository(OutreachMessage)
      .find({ where, order: { createdAt: 'DESC' }, take: 200 });
    const events = messages.length
      ? await this.dataSource.getRepository(OutreachDeliveryEvent).find({
          where: { messageId: In(messages.map((message) => message.id)) },
          order: { occurredAt: 'ASC' },
        })
      : [];
    const views = messages.map((message) => ({
      id: message.id,
      journeyId: message.journeyId,
      step: message.stepKey ? message.stepKey.slice(message.journeyId.length + 1) : null,
      channel: message.channel,
      template: message.template,
      templateFile: message.templateFile,
      language: message.language,
      readingLevel: message.readingLevel,
      urgent: message.urgent,
      status: message.status,
      subject: message.subject,
      body: message.body,
      errorCode: message.errorCode,
      errorReason: message.errorReason,
      plannedAt: message.plannedAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
      events: events
        .filter((event) => event.messageId === message.id)
        .map((event) => ({
          status: event.status,
          source: event.source,
          detail: event.detail,
          occurredAt: event.occurredAt.toISOString(),
        })),
    }));
    return { views, patientRefs: [...new Set(messages.map((message) => message.patientRef))] };
  }
}
