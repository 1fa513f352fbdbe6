import { EntityNotFoundError, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { EhrEventGap } from '../../persistence/entities/ehr-event-gap.entity';
import {
  EhrEvent,
  FINAL_EHR_EVENT_STATUSES,
  type EhrEventStatus,
} from '../../persistence/entities/ehr-event.entity';
import { storableResourceId, type InboundEntry } from './event-entries';
import type { JourneyEvent } from '../../contracts/journey-contract';
import type { CarriedAuditRow } from '../../api/audit/audit-row-opening';

/**
 * How long an event that came before its patient's journey waits for it: the results and visits
 * of a referral arrive within days of it; an older event is no longer news to a journey starting now.
 */
export const WAITING_FOR_JOURNEY_DAYS = 14;

/** The earliest arrival of a kept event a journey starting now still takes. */
export function waitingSince(now = Date.now()): Date {
  return new Date(now - WAITING_FOR_JOURNEY_DAYS * 24 * 3600_000);
}

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
  /**
   * How many journey definition versions are published, counted with the lock: the router
   * reuses its last read of them while the count stands (JourneyDefinitionStore.allPublished).
   */
  publishedDefinitionVersions: number;
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
export class EhrInbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the entry unless its dedupe key is known; returns the row either way. `auditRow`: the
   * request's audit row, written by the same statement (one round trip, not two); if that
   * statement fails, the row and the entry are each written on their own, as they would have
   * been, so an event is kept whatever the trail's state (and applied only once its row exists).
   */
  async store(entry: InboundEntry, auditRow?: CarriedAuditRow): Promise<StoredEntry> {
    const values = storedValues(entry);
    if (!auditRow) return this.stored(entry, await this.dataSource.query(STORE, values));
    const carried = auditRow.statement(values.length + 1);
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await this.dataSource.query(
        `WITH audit_row AS (${carried.sql}), stored AS (${STORE})
         SELECT (SELECT id FROM audit_row) AS carried_audit_row_id, stored.*
           FROM (SELECT 1) AS one LEFT JOIN stored ON true`,
        [...values, ...carried.parameters],
      );
    } catch {
      auditRow.notWritten();
      return this.stored(entry, await this.dataSource.query(STORE, values));
    }
    auditRow.written(String(rows[0]!.carried_audit_row_id));
    return this.stored(entry, rows[0]!.id === null ? [] : rows);
  }

  /** The new row as the insert returned it (a fresh event costs one round trip), or the known one. */
  private async stored(entry: InboundEntry, inserted: Array<Record<string, unknown>>): Promise<StoredEntry> {
    const created = inserted[0];
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
      await manager.query(RECORD_RESULT, recordResultParameters(row.id, changes));
      return { row: { ...row, ...changes } as EhrEvent, alreadyFinal: false };
    });
  }

  /**
   * The row, locked, with the other events about the same resource: one round trip where the
   * lock, the same-version check and the last applied event were three (and the count of
   * published definition versions, which spares the router reading them again, four). A resource without an id
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
                LIMIT 1) AS last_applied_event,
              (SELECT count(*) FROM journey_definition_version) AS published_definition_versions
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
        publishedDefinitionVersions: Number(raw.published_definition_versions),
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
   * How many of `waitingFor`'s events a journey starting now would take (arrived since `since`,
   * about a resource that can be read again): asked before a start, beside the other checks, so
   * a journey with none starts without holding its first step (HZ-35).
   */
  async countWaitingFor(patientRef: string, since: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS kept FROM ehr_event
        WHERE patient_ref = $1 AND status = 'waiting' AND received_at >= $2
          AND resource_type IS NOT NULL AND resource_id IS NOT NULL`,
      [patientRef, since],
    )) as Array<{ kept: number }>;
    return row?.kept ?? 0;
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
      const { open, missing } = await this.openAndMissing(manager, subscription, numbers, latest);
      const gaps = manager.getRepository(EhrEventGap);
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
   * The subscription's open gaps, and the runs of numbers missing from the lowest number this
   * request or an open gap concerns (`latest + 1` too, when the EHR gave its counter), so a
   * long-lived subscription stays cheap. One statement where the open gaps and the missing runs
   * were two, read after the lock: the runs start from the open gaps' lowest number.
   *
   * Each received number is compared with the one before it (the highest below the start, or 0
   * at the start of the subscription), and `latest` with the highest received.
   */
  private async openAndMissing(
    manager: EntityManager,
    subscription: string,
    numbers: number[],
    latest: number | undefined,
  ): Promise<{ open: EhrEventGap[]; missing: Array<{ from: number; to: number }> }> {
    const lowestOfRequest = Math.min(...numbers, ...(latest === undefined ? [] : [latest + 1]));
    const rows = (await manager.query(
      `WITH open AS (
         SELECT id, from_number, to_number, detected_at FROM ehr_event_gap
          WHERE subscription = $1 AND resolved_at IS NULL
       ), start AS (
         SELECT least($2::bigint, (SELECT min(from_number) FROM open)) AS n
       ), below AS (
         SELECT coalesce(max(event_number), 0) AS n FROM ehr_event
          WHERE subscription = $1 AND event_number < (SELECT n FROM start)
       ), numbers AS (
         SELECT DISTINCT event_number AS n FROM ehr_event
          WHERE subscription = $1 AND event_number >= (SELECT n FROM start)
       ), bounds AS (
         SELECT n, lag(n, 1, (SELECT n FROM below)) OVER (ORDER BY n) AS previous FROM numbers
         UNION ALL
         SELECT $3::bigint + 1, greatest((SELECT max(n) FROM numbers), (SELECT n FROM below))
          WHERE $3::bigint IS NOT NULL AND (SELECT n FROM start) IS NOT NULL
       )
       SELECT 'open' AS kind, id, from_number, to_number, detected_at FROM open
       UNION ALL
       SELECT 'missing', NULL, previous + 1, n - 1, NULL FROM bounds WHERE n > previous + 1`,
      [subscription, Number.isFinite(lowestOfRequest) ? lowestOfRequest : null, latest ?? null],
    )) as Array<{
      kind: 'open' | 'missing';
      id: string | null;
      from_number: string;
      to_number: string;
      detected_at: Date | null;
    }>;
    const open: EhrEventGap[] = [];
    const missing: Array<{ from: number; to: number }> = [];
    for (const row of rows) {
      if (row.kind === 'missing') {
        missing.push({ from: Number(row.from_number), to: Number(row.to_number) });
        continue;
      }
      const gap = new EhrEventGap();
      Object.assign(gap, {
        id: row.id,
        subscription,
        fromNumber: String(row.from_number),
        toNumber: String(row.to_number),
        detectedAt: row.detected_at,
        resolvedAt: null,
      });
      open.push(gap);
    }
    return { open, missing };
  }
}

function gapView(gap: EhrEventGap): OpenGap {
  return { from: Number(gap.fromNumber), to: Number(gap.toNumber), detectedAt: gap.detectedAt.toISOString() };
}

function isFinal(status: EhrEventStatus): boolean {
  return FINAL_EHR_EVENT_STATUSES.includes(status);
}

/** An entry into the inbox, unless its dedupe key is there already: the new row, or nothing. */
const STORE = `
  INSERT INTO ehr_event (dedupe_key, source, subscription, topic, event_number, payload_content,
                         resource_type, resource_id, resource_version, status)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received')
  ON CONFLICT DO NOTHING
  RETURNING *`;

function storedValues(entry: InboundEntry): unknown[] {
  const resource = entry.resource;
  return [
    entry.dedupeKey,
    entry.source,
    entry.subscription ?? null,
    entry.topic ?? null,
    entry.eventNumber === undefined ? null : String(entry.eventNumber),
    entry.payload ?? null,
    resource?.resourceType ?? null,
    (resource && storableResourceId(resource)) ?? null,
    resource?.meta?.versionId ?? null,
  ];
}

/**
 * A processed event's result, as one fixed statement (the hot path of every EHR event: a query
 * builder rebuilt it each time). A column the result does not name keeps its value, as a
 * partial update leaves it.
 */
const RECORD_RESULT = `
  UPDATE ehr_event
     SET status = $2,
         outcome = $3::jsonb,
         attempts = $4,
         journey_ids = coalesce($5::text[], journey_ids),
         resource_type = CASE WHEN $6::boolean THEN $7 ELSE resource_type END,
         resource_id = CASE WHEN $6::boolean THEN $8 ELSE resource_id END,
         resource_version = CASE WHEN $6::boolean THEN $9 ELSE resource_version END,
         patient_ref = coalesce($10, patient_ref),
         effective_at = coalesce($11::timestamptz, effective_at),
         applied_at = coalesce($12::timestamptz, applied_at)
   WHERE id = $1`;

function recordResultParameters(rowId: string, changes: Partial<EhrEvent>): unknown[] {
  const namesResource = 'resourceType' in changes;
  return [
    rowId,
    changes.status,
    changes.outcome === undefined ? null : JSON.stringify(changes.outcome),
    changes.attempts,
    changes.journeyIds ?? null,
    namesResource,
    changes.resourceType ?? null,
    changes.resourceId ?? null,
    changes.resourceVersion ?? null,
    changes.patientRef ?? null,
    changes.effectiveAt ?? null,
    changes.appliedAt ?? null,
  ];
}
