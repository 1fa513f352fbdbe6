import { Inject, Injectable } from '@nestjs/common';
import { EntityNotFoundError, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { EhrEventGap } from '../../persistence/entities/ehr-event-gap.entity';
import {
  EhrEvent,
  FINAL_EHR_EVENT_STATUSES,
  type EhrEventStatus,
} from '../../persistence/entities/ehr-event.entity';
import { storableResourceId, type InboundEntry } from './inbound/event-entries';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { DATA_SOURCE } from '../infrastructure/tokens';

export interface StoredEntry {
  row: EhrEvent;
  /** False when the event was in the inbox already: a redelivery. */
  fresh: boolean;
}

/** What a processed event left in the inbox. */
export interface InboxResult {
  status: Exclude<EhrEventStatus, 'received'>;
  outcome: Record<string, unknown>;
  journeyIds?: string[];
  resource?: { type: string; id?: string; version?: string };
  patientRef?: string;
  effectiveAt?: string;
}

/** The resource an event is about, as the inbox stores it (`storableResourceId`). */
export interface ResourceIdentity {
  type: string;
  id?: string;
  version?: string;
}

/** What the inbox holds of an event's resource besides the event itself. */
export interface ResourceHistory {
  /** A final row for the same resource version under another key: the same fact delivered twice. */
  sameVersionApplied: boolean;
  /** The journey event the resource was last applied as (a booked appointment), if any. */
  lastAppliedEvent?: JourneyEvent;
}

export interface OpenGap {
  from: number;
  to: number;
  detectedAt: string;
}

/**
 * The EHR inbox in PostgreSQL: events are stored before anything is applied, found again by
 * their dedupe key on redelivery, and processed one at a time under a row lock so two
 * deliveries of the same event never both apply it.
 */
@Injectable()
export class EhrInbox {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Stores the entry unless its dedupe key is known; returns the row either way. */
  async store(entry: InboundEntry): Promise<StoredEntry> {
    const resource = entry.resource;
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(EhrEvent)
      .values({
        dedupeKey: entry.dedupeKey,
        source: entry.source,
        subscription: entry.subscription ?? null,
        topic: entry.topic ?? null,
        eventNumber: entry.eventNumber === undefined ? null : String(entry.eventNumber),
        payloadContent: entry.payload ?? null,
        resourceType: resource?.resourceType ?? null,
        resourceId: (resource && storableResourceId(resource)) ?? null,
        resourceVersion: resource?.meta?.versionId ?? null,
        status: 'received',
      })
      .orIgnore()
      .returning('*')
      .execute();
    // The new row comes back with the insert: a fresh event costs one round trip, not two.
    const created = (inserted.raw as Array<Record<string, unknown>>)[0];
    if (created) return { row: this.hydrate(created), fresh: true };
    const repository = this.dataSource.getRepository(EhrEvent);
    return { row: await repository.findOneByOrFail({ dedupeKey: entry.dedupeKey }), fresh: false };
  }

  /** An ehr_event row as returned by `RETURNING *`, as the entity TypeORM would have read. */
  private hydrate(raw: Record<string, unknown>): EhrEvent {
    const metadata = this.dataSource.getMetadata(EhrEvent);
    const row = metadata.create() as EhrEvent;
    for (const column of metadata.columns) {
      column.setEntityValue(
        row,
        this.dataSource.driver.prepareHydratedValue(raw[column.databaseName], column),
      );
    }
    return row;
  }

  /**
   * Runs `apply` for a stored event under a row lock and records its result, in one transaction.
   * A row that became final meanwhile (a concurrent delivery applied it) is not applied again:
   * `apply` is skipped and the final row is returned as it stands. `resource` names what the
   * event is about: what the inbox already holds of it comes back with the lock (see
   * ResourceHistory), in the same statement.
   */
  async process(
    rowId: string,
    apply: (row: EhrEvent, manager: EntityManager, history: ResourceHistory) => Promise<InboxResult>,
    resource?: ResourceIdentity,
  ): Promise<{ row: EhrEvent; alreadyFinal: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const { row, history } = await this.lockWithHistory(manager, rowId, resource);
      if (isFinal(row.status)) return { row, alreadyFinal: true };
      const result = await apply(row, manager, history);
      const changes: Partial<EhrEvent> = {
        status: result.status,
        outcome: result.outcome,
        attempts: row.attempts + 1,
        ...(result.journeyIds ? { journeyIds: result.journeyIds } : {}),
        ...(result.resource
          ? {
              resourceType: result.resource.type,
              resourceId: result.resource.id ?? null,
              resourceVersion: result.resource.version ?? null,
            }
          : {}),
        ...(result.patientRef ? { patientRef: result.patientRef } : {}),
        ...(result.effectiveAt ? { effectiveAt: new Date(result.effectiveAt) } : {}),
        ...(isFinal(result.status) ? { appliedAt: new Date() } : {}),
      };
      // jsonb and array columns are beyond TypeORM's partial-entity typing.
      await manager.update(EhrEvent, row.id, changes as never);
      return { row: { ...row, ...changes } as EhrEvent, alreadyFinal: false };
    });
  }

  /**
   * The row, locked, with the other events about the same resource: one round trip where the
   * lock, the same-version check and the last applied event were three. A resource without an id
   * (or version) has no history to find: the sub-selects match nothing.
   */
  private async lockWithHistory(
    manager: EntityManager,
    rowId: string,
    resource: ResourceIdentity | undefined,
  ): Promise<{ row: EhrEvent; history: ResourceHistory }> {
    const rows = (await manager.query(
      `SELECT locked.*,
              EXISTS (
                SELECT 1 FROM ehr_event other
                 WHERE other.resource_type = $2 AND other.resource_id = $3 AND other.resource_version = $4
                   AND other.id <> locked.id AND other.status = ANY($5::text[])
                   AND coalesce(other.outcome->>'outcome', '') <> 'duplicate'
              ) AS same_version_applied,
              (SELECT other.outcome->'event' FROM ehr_event other
                WHERE other.resource_type = $2 AND other.resource_id = $3 AND other.id <> locked.id
                  AND other.status = 'applied' AND other.outcome ? 'event'
                ORDER BY other.applied_at DESC
                LIMIT 1) AS last_applied_event
         FROM ehr_event locked
        WHERE locked.id = $1
          FOR UPDATE OF locked`,
      [
        rowId,
        resource?.type ?? null,
        resource?.id ?? null,
        resource?.version ?? null,
        [...FINAL_EHR_EVENT_STATUSES],
      ],
    )) as Array<Record<string, unknown>>;
    const raw = rows[0];
    if (!raw) throw new EntityNotFoundError(EhrEvent, { id: rowId });
    const lastApplied = raw.last_applied_event as JourneyEvent | null;
    return {
      row: this.hydrate(raw),
      history: {
        sameVersionApplied: raw.same_version_applied === true,
        ...(lastApplied ? { lastAppliedEvent: lastApplied } : {}),
      },
    };
  }

  /** Journeys that events about these resources (`Type/id`) started or were applied to. */
  async journeysLinkedTo(
    manager: EntityManager,
    resourceKeys: string[],
    exceptRowId: string,
  ): Promise<string[]> {
    const pairs = resourceKeys.map((key) => key.split('/') as [string, string]);
    if (pairs.length === 0) return [];
    const rows = (await manager.query(
      `SELECT DISTINCT unnest(journey_ids) AS journey_id
         FROM ehr_event
        WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
          AND id <> $3`,
      [pairs.map(([type]) => type), pairs.map(([, id]) => id), exceptRowId],
    )) as Array<{ journey_id: string }>;
    return rows.map((row) => row.journey_id);
  }

  /**
   * A patient's events that arrived before their journey started, oldest clinical time first
   * (then arrival): applied in that order once it has.
   */
  async waitingFor(patientRef: string): Promise<EhrEvent[]> {
    return this.dataSource
      .getRepository(EhrEvent)
      .createQueryBuilder('event')
      .where("event.patient_ref = :patientRef AND event.status = 'waiting'", { patientRef })
      .orderBy('event.effective_at', 'ASC', 'NULLS LAST')
      .addOrderBy('event.received_at', 'ASC')
      .getMany();
  }

  /**
   * Records the event numbers missing so far for a subscription, and resolves gaps whose numbers
   * have all arrived. `latest` is the EHR's own counter (a heartbeat's events-since-subscription-start):
   * numbers above the highest received up to it are missing too. Only numbers from the lowest one
   * this request or an open gap concerns are scanned, so a long-lived subscription stays cheap.
   * Returns the open gaps.
   */
  async reconcileGaps(
    subscription: string,
    { numbers, latest }: { numbers: number[]; latest: number | undefined },
  ): Promise<OpenGap[]> {
    return this.dataSource.transaction(async (manager) => {
      // One reconciliation per subscription at a time, so two requests never record the same gap twice.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ehr-gaps|${subscription}`]);
      const gaps = manager.getRepository(EhrEventGap);
      const open = await gaps.find({ where: { subscription, resolvedAt: IsNull() } });
      const lowest = Math.min(
        ...numbers,
        ...open.map((gap) => Number(gap.fromNumber)),
        ...(latest === undefined ? [] : [latest + 1]),
      );
      const missing = Number.isFinite(lowest)
        ? await this.missingRanges(manager, subscription, lowest, latest)
        : [];
      let changed = false;
      for (const gap of open) {
        const [from, to] = [Number(gap.fromNumber), Number(gap.toNumber)];
        if (!missing.some((range) => range.from <= to && range.to >= from)) {
          await gaps.update(gap.id, { resolvedAt: new Date() });
          gap.resolvedAt = new Date();
          changed = true;
        }
      }
      for (const range of missing) {
        const covered = open.some(
          (gap) =>
            gap.resolvedAt === null &&
            Number(gap.fromNumber) <= range.from &&
            Number(gap.toNumber) >= range.to,
        );
        if (!covered) {
          await manager.query(
            `INSERT INTO ehr_event_gap (subscription, from_number, to_number) VALUES ($1, $2, $3)
             ON CONFLICT (subscription, from_number, to_number) DO NOTHING`,
            [subscription, range.from, range.to],
          );
          changed = true;
        }
      }
      // Nothing resolved or recorded (the usual delivery, in order): the open gaps stand as read.
      if (!changed) return open.sort((a, b) => Number(a.fromNumber) - Number(b.fromNumber)).map(gapView);
      const current = await gaps.find({
        where: { subscription, resolvedAt: IsNull() },
        order: { fromNumber: 'ASC' },
      });
      return current.map(gapView);
    });
  }

  /**
   * Runs of numbers missing from `from` on: each received number is compared with the one before
   * it (the highest below `from`, or 0 at the start of the subscription), and `latest` with the
   * highest received.
   */
  private async missingRanges(
    manager: EntityManager,
    subscription: string,
    from: number,
    latest: number | undefined,
  ): Promise<Array<{ from: number; to: number }>> {
    const rows = (await manager.query(
      `WITH below AS (
         SELECT coalesce(max(event_number), 0) AS n FROM ehr_event
          WHERE subscription = $1 AND event_number < $2
       ), numbers AS (
         SELECT DISTINCT event_number AS n FROM ehr_event
          WHERE subscription = $1 AND event_number >= $2
       ), bounds AS (
         SELECT n, lag(n, 1, (SELECT n FROM below)) OVER (ORDER BY n) AS previous FROM numbers
         UNION ALL
         SELECT $3::bigint + 1, greatest((SELECT max(n) FROM numbers), (SELECT n FROM below))
          WHERE $3::bigint IS NOT NULL
       )
       SELECT previous + 1 AS from_number, n - 1 AS to_number FROM bounds WHERE n > previous + 1`,
      [subscription, from, latest ?? null],
    )) as Array<{ from_number: string; to_number: string }>;
    return rows.map((range) => ({ from: Number(range.from_number), to: Number(range.to_number) }));
  }
}

function gapView(gap: EhrEventGap): OpenGap {
  return { from: Number(gap.fromNumber), to: Number(gap.toNumber), detectedAt: gap.detectedAt.toISOString() };
}

function isFinal(status: EhrEventStatus): boolean {
  return FINAL_EHR_EVENT_STATUSES.includes(status);
}
