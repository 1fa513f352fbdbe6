import { HttpException, Injectable, Logger } from '@nestjs/common';
import { FINAL_EHR_EVENT_STATUSES } from '../../persistence/entities/ehr-event.entity';
import { inboundEntriesOf } from '../../shared/ehr-inbound/event-entries';
import { parseInboundBody } from './inbound/inbound-body';
import { InboundRejection } from '../../shared/ehr-inbound/inbound-rejection';
import type { SubscriptionNotification } from '../../shared/ehr-inbound/notification-bundle';
import { EhrInbox } from '../../shared/ehr-inbound/ehr-inbox';
import { EhrEventApplier } from '../../shared/ehr-inbound/ehr-event-applier';
import {
  duplicateOf,
  inClinicalOrder,
  summarize,
  type EntryOutcome,
  type PendingEntry,
} from '../../shared/ehr-inbound/entry-outcome';
import type { ApiErrorBody } from '../errors/api-error';
import type { InboundResultView, NotificationView } from './dto/inbound-result.view';
import type { ReceiptAuditRow } from '../audit/audit-row-opening';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';

export interface InboundResult {
  view: InboundResultView;
  /** Some entries could not be applied now: answer 503 so the sender delivers them again. */
  retryLater: boolean;
}

/**
 * EHR events in, exactly once: the body is checked whole (nothing is stored from a bad one),
 * every entry is stored in the inbox before any is applied, redeliveries are answered as
 * duplicates, and the rest are applied in clinical order, each in its own transaction (the
 * applier, shared with the worker's cohort finder for the events kept before its enrolments).
 */
@Injectable()
export class FhirInboundService {
  private readonly logger = new Logger('FhirInbound');

  constructor(
    private readonly inbox: EhrInbox,
    private readonly applier: EhrEventApplier,
    private readonly metrics: CarepathMetrics,
  ) {}

  /**
   * `auditRow`: the delivery's audit row, written by the first entry's store (or on its own when
   * there is none); nothing is reconciled or applied before it exists.
   */
  async receive(
    raw: Buffer | undefined,
    contentType: string | undefined,
    auditRow: ReceiptAuditRow,
  ): Promise<InboundResult> {
    const receivedAt = Date.now();
    const { notification, entries } = refuseBadInput(() =>
      inboundEntriesOf(parseInboundBody(raw, contentType)),
    );
    const stored = [];
    for (const entry of entries) stored.push({ entry, ...(await this.inbox.store(entry, auditRow.carry())) });
    await auditRow.written();
    // Gaps are read from the stored event numbers alone: reconciled beside the applying, which
    // changes no number, instead of after it.
    const reconciling = notification
      ? this.inbox.reconcileGaps(notification.subscription, {
          numbers: entries.flatMap((entry) => (entry.eventNumber === undefined ? [] : [entry.eventNumber])),
          latest: notification.eventsSinceSubscriptionStart,
        })
      : Promise.resolve(undefined);
    reconciling.catch(() => undefined); // awaited below; this only keeps an early failure handled

    const outcomes: EntryOutcome[] = [];
    const pending: PendingEntry[] = [];
    for (const { entry, row, fresh } of stored) {
      if (!fresh && FINAL_EHR_EVENT_STATUSES.includes(row.status)) {
        outcomes[entry.index] = duplicateOf(entry, row);
      } else {
        pending.push({ entry, row, resolution: await this.applier.resolve(entry) });
      }
    }
    for (const item of inClinicalOrder(pending)) outcomes[item.entry.index] = await this.applier.apply(item);

    const gaps = await reconciling;
    for (const { outcome } of outcomes) {
      this.metrics.eventsReceived.inc({ source: 'fhir' });
      this.metrics.eventHandled('fhir', outcome, receivedAt);
    }
    const retryLater = outcomes.some((outcome) => outcome.outcome === 'failed');
    this.logger.log(`EHR ${notification?.type ?? 'resources'}: ${summarize(outcomes)}`);
    return {
      retryLater,
      view: {
        ...(notification ? { notification: notificationView(notification) } : {}),
        entries: outcomes,
        ...(gaps && gaps.length > 0 ? { gaps } : {}),
        ...(retryLater
          ? { message: 'Some events could not be applied now; they are kept and applied when sent again.' }
          : {}),
      },
    };
  }
}

/** A bad body is one 400 (or 415) naming what is wrong; nothing of it was stored. */
function refuseBadInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InboundRejection)) throw error;
    throw new HttpException(
      { message: error.message, errors: error.problems } satisfies ApiErrorBody,
      error.status,
    );
  }
}

function notificationView(notification: SubscriptionNotification): NotificationView {
  return {
    type: notification.type,
    subscription: notification.subscription,
    ...(notification.topic ? { topic: notification.topic } : {}),
    payload: notification.payload,
    ...(notification.eventsSinceSubscriptionStart !== undefined
      ? { eventsSinceSubscriptionStart: notification.eventsSinceSubscriptionStart }
      : {}),
  };
}
