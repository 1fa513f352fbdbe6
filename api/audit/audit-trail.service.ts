import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '../../config/api-keys';
import { DATA_SOURCE } from '../infrastructure/tokens';
import type { AuditTargets } from './audit-targets';
import { StatementCoalescer } from '../../persistence/statement-coalescer';

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

/** The columns of one row, in the order rowValues gives them, with their types for unnest(). */
const COLUMNS = [
  ['occurred_at', 'timestamptz'],
  ['actor_role', 'text'],
  ['actor_name', 'text'],
  ['action', 'text'],
  ['method', 'text'],
  ['route', 'text'],
  ['journey_id', 'text'],
  ['patient_id', 'text'],
  ['patient_ref', 'text'],
  ['definition_id', 'text'],
  ['outcome_status', 'int'],
] as const;

/**
 * Rows from one array per column: the statement's text is the same however many rows it carries.
 * Identity values are taken in the order unnest gives the rows, so ascending ids follow it.
 */
const INSERT_ROWS =
  `INSERT INTO audit_event (${COLUMNS.map(([name]) => name).join(', ')}) ` +
  `SELECT * FROM unnest(${COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')}) RETURNING id`;

/** Outcomes of changes, one array per column, matched to their rows by id. */
const CLOSE_ROWS = `UPDATE audit_event AS row
    SET outcome_status = outcome.outcome_status, journey_id = outcome.journey_id,
        patient_id = outcome.patient_id, definition_id = outcome.definition_id, patient_ref = outcome.patient_ref
   FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
        AS outcome(id, outcome_status, journey_id, patient_id, definition_id, patient_ref)
  WHERE row.id = outcome.id`;

type Row = unknown[];

/** Of the connection pool's 10 (pg's default), what the trail's rows may hold at once. */
const INSERTS_AT_ONCE = 4;
interface Outcome {
  id: string;
  outcomeStatus: number;
  entry: AuditEntry;
}

/**
 * Writes the audit trail. Every audited call writes here (an enrolment twice, a journey read, an
 * EHR delivery twice), so the statements are plain SQL on AuditEvent's table and columns, built
 * once, not from entity metadata on each call (V8 profiles, docs/benchmarks.md figures 1 and 2).
 * Rows and outcomes that arrive while statements are under way go together in the next
 * (StatementCoalescer): under load, one round trip and one log flush for many calls, and still each
 * caller's row exists once its promise resolves. Callers decide what a failed write means (see
 * AuditInterceptor).
 */
@Injectable()
export class AuditTrail {
  /**
   * Rows are awaited before the call goes on (a change waits for its row, a read's answer for
   * its): up to INSERTS_AT_ONCE are sent at once, so a row waits behind another statement only
   * when that many are already in flight.
   */
  private readonly inserts = new StatementCoalescer<Row[], string[]>((calls) => this.insert(calls), {
    concurrency: INSERTS_AT_ONCE,
  });
  /** Outcomes are mostly filled in after the answer: one statement at a time, the rest together. */
  private readonly closes = new StatementCoalescer<Outcome, void>((outcomes) => this.closeAll(outcomes));

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** A finished call, with the status it was answered with. */
  async record(entry: AuditEntry, outcomeStatus: number): Promise<void> {
    // One row per patient: a STOP from a phone a family shares concerns each of them.
    const refs = entry.patientRefs.length > 0 ? entry.patientRefs : [null];
    await this.inserts.run(refs.map((patientRef) => rowValues(entry, outcomeStatus, patientRef)));
  }

  /** A change about to be made: the row exists before the change does. Returns its id for close(). */
  async open(entry: AuditEntry): Promise<string> {
    const [id] = await this.inserts.run([rowValues(entry, null, entry.patientRefs[0] ?? null)]);
    return id!;
  }

  /** The change's outcome, and the ids only its result could tell (a start's new journey). */
  close(id: string, outcomeStatus: number, entry: AuditEntry): Promise<void> {
    return this.closes.run({ id, outcomeStatus, entry });
  }

  /** Every call's rows in one statement; each call gets its rows' ids, in its rows' order. */
  private async insert(calls: Row[][]): Promise<string[][]> {
    const rows = calls.flat();
    const inserted = (await this.dataSource.query(
      INSERT_ROWS,
      COLUMNS.map((_, column) => rows.map((row) => row[column])),
    )) as Array<{ id: string }>;
    const ids = inserted.map(({ id }) => String(id)).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    if (ids.length !== rows.length) {
      throw new Error(`The audit trail stored ${ids.length} of ${rows.length} rows.`);
    }
    let next = 0;
    return calls.map((call) => ids.slice(next, (next += call.length)));
  }

  private async closeAll(outcomes: Outcome[]): Promise<void[]> {
    const column = (value: (outcome: Outcome) => unknown) => outcomes.map(value);
    await this.dataSource.query(CLOSE_ROWS, [
      column(({ id }) => id),
      column(({ outcomeStatus }) => outcomeStatus),
      column(({ entry }) => entry.journeyId),
      column(({ entry }) => entry.patientId),
      column(({ entry }) => entry.definitionId),
      column(({ entry }) => entry.patientRefs[0] ?? null),
    ]);
    return outcomes.map(() => undefined);
  }
}

/**
 * `open`'s statement for one row, its parameters numbered from `$first`: another write may carry
 * it as a data-modifying WITH clause (see audit-row-opening.ts); it returns the row's `id`.
 */
export function auditRowInsert(entry: AuditEntry, first: number): { sql: string; parameters: unknown[] } {
  const values = COLUMNS.map((_, column) => `$${first + column}`).join(', ');
  return {
    sql: `INSERT INTO audit_event (${COLUMNS.map(([name]) => name).join(', ')}) VALUES (${values}) RETURNING id`,
    parameters: rowValues(entry, null, entry.patientRefs[0] ?? null),
  };
}

function rowValues(entry: AuditEntry, outcomeStatus: number | null, patientRef: string | null): Row {
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
