import type { Request } from 'express';
import { auditRowInsert, type AuditEntry, type AuditTrail } from './audit-trail.service';

/** The audit row's INSERT for a write to carry in its own statement, and what the write reports back. */
export interface CarriedAuditRow {
  /** A data-modifying WITH clause's statement, its parameters numbered from `$first`; it returns `id`. */
  statement(first: number): { sql: string; parameters: unknown[] };
  /** The carrying statement succeeded: the row exists with this id. */
  written(id: string): void;
  /** The carrying statement failed: the row is written on its own, as it would have been. */
  notWritten(): void;
}

/** A request's audit row, as the handler of an `openedWhileReceiving` route sees it. */
export interface ReceiptAuditRow {
  /**
   * For the handler's first write (`carriedByFirstWrite` routes): the row to write in the same
   * statement, unless it is written or being written already. The write must report back.
   */
  carry(): CarriedAuditRow | undefined;
  /**
   * Resolves once the row exists (written now if no write carried it); rejects when it could not
   * be written, so nothing is changed that the trail would not show.
   */
  written(): Promise<void>;
}

/**
 * The audit row of a key holder's change whose handler first stores what it received (AuditSpec
 * `openedWhileReceiving`): written beside the handler's first steps instead of before them. Either
 * at once, in a statement of its own, or (`carriedByFirstWrite`) in the handler's first write: an
 * EHR delivery's receipt into the inbox and its audit row are then one statement, not two.
 */
export class AuditRowOpening implements ReceiptAuditRow {
  private opened: Promise<string> | undefined;

  constructor(
    private readonly trail: AuditTrail,
    private readonly entry: AuditEntry,
    { carried }: { carried: boolean },
  ) {
    if (!carried) this.opened = this.openAlone();
  }

  carry(): CarriedAuditRow | undefined {
    if (this.opened) return undefined;
    let settle!: { written: (id: string) => void; notWritten: () => void };
    this.opened = new Promise<string>((resolve) => {
      settle = { written: resolve, notWritten: () => resolve(this.openAlone()) };
    });
    this.opened.catch(() => undefined); // awaited by whoever needs the row; this only keeps it handled
    return { statement: (first) => auditRowInsert(this.entry, first), ...settle };
  }

  async written(): Promise<void> {
    await this.id();
  }

  /** The row's id for its outcome; written now if nothing wrote it. */
  id(): Promise<string> {
    this.opened ??= this.openAlone();
    return this.opened;
  }

  private openAlone(): Promise<string> {
    const opening = this.trail.open(this.entry);
    opening.catch(() => undefined); // awaited by whoever needs the row; this only keeps it handled
    return opening;
  }
}

/** For a caller known by its signature: its row is written after its change is verified and done. */
const RECORDED_AFTER: ReceiptAuditRow = {
  carry: () => undefined,
  written: async () => undefined,
};

const openings = new WeakMap<Request, AuditRowOpening>();

export function noteAuditRowOpening(request: Request, opening: AuditRowOpening): void {
  openings.set(request, opening);
}

/** The request's audit row as its handler may write or await it. */
export function receiptAuditRow(request: Request): ReceiptAuditRow {
  return openings.get(request) ?? RECORDED_AFTER;
}

/** See `ReceiptAuditRow.written`. */
export async function auditRowWritten(request: Request): Promise<void> {
  await receiptAuditRow(request).written();
}
