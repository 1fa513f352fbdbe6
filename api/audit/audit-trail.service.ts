import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '../../config/api-keys';
import { DATA_SOURCE } from '../infrastructure/tokens';
import type { AuditTargets } from './audit-targets';

/** Who acted: an API key's holder, or (`signed`) a caller known by its request signature. */
export interface AuditActor {
  /** `signed`: a provider's signed webhook; `unauthenticated`: a call without a valid key (refused). */
  role: Role | 'signed' | 'unauthenticated';
  name: string;
}

export interface AuditEntry extends AuditTargets {
  actor: AuditActor;
  /** Opaque references of the patients concerned, when the request named no patient id. */
  patientRefs: string[];
  action: string;
  method: string;
  route: string;
}

/** The columns of one row, in the order rowValues gives them. */
const COLUMNS =
  'occurred_at, actor_role, actor_name, action, method, route, journey_id, patient_id, patient_ref, definition_id, outcome_status';
const PER_ROW = 11;

/**
 * Writes the audit trail. Every audited call writes here (an enrolment, a journey read, an EHR
 * delivery twice), so the statements are plain SQL: the same rows TypeORM's repository wrote
 * (table and columns of AuditEvent), without building the query from entity metadata on each
 * call, which cost more CPU than sending it (V8 profiles, docs/benchmarks.md figures 1 and 2). Callers decide what a failed write means (see
 * AuditInterceptor).
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** A finished call, with the status it was answered with. */
  async record(entry: AuditEntry, outcomeStatus: number): Promise<void> {
    // One row per patient: a STOP from a phone a family shares concerns each of them.
    const refs = entry.patientRefs.length > 0 ? entry.patientRefs : [null];
    const rows = refs.map((patientRef) => rowValues(entry, outcomeStatus, patientRef));
    await this.dataSource.query(
      `INSERT INTO audit_event (${COLUMNS}) VALUES ${rows.map((_, index) => placeholders(index)).join(', ')}`,
      rows.flat(),
    );
  }

  /** A change about to be made: the row exists before the change does. Returns its id for close(). */
  async open(entry: AuditEntry): Promise<string> {
    const { sql, parameters } = auditRowInsert(entry, 1);
    const [row] = (await this.dataSource.query(sql, parameters)) as Array<{ id: string }>;
    return String(row!.id);
  }

  /** The change's outcome, and the ids only its result could tell (a start's new journey). */
  async close(id: string, outcomeStatus: number, entry: AuditEntry): Promise<void> {
    const { journeyId, patientId, definitionId, patientRefs } = entry;
    await this.dataSource.query(
      `UPDATE audit_event
          SET outcome_status = $2, journey_id = $3, patient_id = $4, definition_id = $5, patient_ref = $6
        WHERE id = $1`,
      [id, outcomeStatus, journeyId, patientId, definitionId, patientRefs[0] ?? null],
    );
  }
}

/**
 * `open`'s statement, its parameters numbered from `$first`: another write may carry it as a
 * data-modifying WITH clause (see audit-row-opening.ts); it returns the row's `id`.
 */
export function auditRowInsert(entry: AuditEntry, first: number): { sql: string; parameters: unknown[] } {
  return {
    sql: `INSERT INTO audit_event (${COLUMNS}) VALUES ${placeholdersFrom(first)} RETURNING id`,
    parameters: rowValues(entry, null, entry.patientRefs[0] ?? null),
  };
}

function rowValues(entry: AuditEntry, outcomeStatus: number | null, patientRef: string | null): unknown[] {
  return [
    new Date(),
    entry.actor.role,
    entry.actor.name,
    entry.action,
    entry.method,
    entry.route,
    entry.journeyId,
    entry.patientId,
    patientRef,
    entry.definitionId,
    outcomeStatus,
  ];
}

/** `($1, ..., $11)` for the row at `index` of a multi-row insert. */
function placeholders(index: number): string {
  return placeholdersFrom(index * PER_ROW + 1);
}

/** `($first, ..., $first+10)`: one row's values. */
function placeholdersFrom(first: number): string {
  return `(${Array.from({ length: PER_ROW }, (_, column) => `$${first + column}`).join(', ')})`;
}
