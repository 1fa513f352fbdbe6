import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'carepath:audit';

/** What the audit trail may look at to name a route's journey or patient; never stored whole. */
export interface AuditSources {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** The handler's result; absent when the request was refused or failed. */
  result?: unknown;
}

/** Where an id is: `params.id`, `query.patientId`, `body.patientId`, `result.id`, or a function of them. */
export type AuditIdSource =
  `${'params' | 'query' | 'body' | 'result'}.${string}` | ((sources: AuditSources) => unknown);

export interface AuditSpec {
  /** `<subject>.<verb>`: `journey.read`, `journey.cancel`, `patient.contact.update`... */
  action: string;
  journeyId?: AuditIdSource;
  patientId?: AuditIdSource;
  /** The journey definition a designer's change concerns. */
  definitionId?: AuditIdSource;
  /** For routes whose caller proves itself by a signature instead of an API key: who signs. */
  signedBy?: string;
  /**
   * A key holder's change whose handler first stores what it received, untouched, and changes
   * nothing before it awaits `auditRowWritten(request)`: the row is written meanwhile instead of
   * before the handler starts (see audit-row-opening.ts).
   */
  openedWhileReceiving?: true;
  /**
   * With `openedWhileReceiving`: the handler's first write carries the row in the same statement
   * (`receiptAuditRow(request).carry()`), one round trip where there were two beside each other.
   */
  carriedByFirstWrite?: true;
}

/**
 * Marks a route that reads or changes patient-level data: every call of it, allowed or refused,
 * becomes one audit row (see AuditInterceptor). Routes without it are not audited.
 */
export const AuditedAs = (action: string, targets: Omit<AuditSpec, 'action'> = {}) =>
  SetMetadata(AUDIT_KEY, { action, ...targets } satisfies AuditSpec);
