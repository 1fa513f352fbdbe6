import type { Request } from 'express';

const openings = new WeakMap<Request, Promise<unknown>>();

/**
 * For a route whose audit row is written while it stores what it received (AuditSpec
 * `openedWhileReceiving`): the row's write, which the handler awaits before it changes anything.
 * The request's receipt (an EHR delivery into the inbox) then costs no round trip of its own.
 */
export function noteAuditRowOpening(request: Request, written: Promise<unknown>): void {
  openings.set(request, written);
}

/**
 * Resolves once the request's audit row exists (at once when it was written before the handler,
 * or when the caller's changes are recorded after them); rejects when it could not be written,
 * so nothing is changed that the trail would not show.
 */
export async function auditRowWritten(request: Request): Promise<void> {
  await openings.get(request);
}
