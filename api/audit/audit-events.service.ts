import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../persistence/entities/audit-event.entity';
import { badRequest } from '../errors/api-error';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import type { AppConfig } from '../../config/app-config';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import type { AuditEventPage, AuditEventView } from './dto/audit-event-views';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

/** The auditor's view of the trail: newest first, in pages keyed by row id (rows only ever grow). */
@Injectable()
export class AuditEvents {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListAuditEventsQuery): Promise<AuditEventPage> {
    const since = query.since ? new Date(query.since) : undefined;
    const until = query.until ? new Date(query.until) : undefined;
    if (since && until && since > until) {
      throw badRequest('The request is invalid.', [
        { field: 'since', message: 'since must not be after until' },
      ]);
    }
    const pageSize = query.pageSize ?? 50;
    const selection = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.journeyId) selection.andWhere('event.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.patientId) {
      // Rows name the patient by id where the request did, else by opaque reference (reads, STOP).
      selection.andWhere('(event.patient_id = :patientId OR event.patient_ref = :patientRef)', {
        patientId: query.patientId,
        patientRef: patientRefFor(query.patientId, this.config.pseudonymKey),
      });
    }
    if (query.definitionId) {
      selection.andWhere('event.definition_id = :definitionId', { definitionId: query.definitionId });
    }
    if (query.actor) selection.andWhere('event.actor_name = :actor', { actor: query.actor });
    if (query.action) selection.andWhere('event.action = :action', { action: query.action });
    if (since) selection.andWhere('event.occurred_at >= :since', { since });
    if (until) selection.andWhere('event.occurred_at <= :until', { until });
    if (query.pageToken) selection.andWhere('event.id < :before', { before: query.pageToken });
    // One row more than asked tells whether another page follows.
    const rows = await selection
      .orderBy('event.id', 'DESC')
      .limit(pageSize + 1)
      .getMany();
    const items = rows.slice(0, pageSize).map(toView);
    return rows.length > pageSize ? { items, nextPageToken: items[items.length - 1]!.id } : { items };
  }
}

function toView(event: AuditEvent): AuditEventView {
  return {
    id: String(event.id),
    occurredAt: event.occurredAt.toISOString(),
    actor: { role: event.actorRole, name: event.actorName },
    action: event.action,
    method: event.method,
    route: event.route,
    journeyId: event.journeyId,
    patientId: event.patientId,
    patientRef: event.patientRef,
    definitionId: event.definitionId,
    outcomeStatus: event.outcomeStatus,
  };
}
