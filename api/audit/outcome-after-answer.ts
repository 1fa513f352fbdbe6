import type { Request } from 'express';

const outcomeAfterAnswer = new WeakSet<Request>();

/**
 * For a change whose audit row is written before it is made (AuditInterceptor), let the answer
 * leave before the row's outcome is filled in. The row itself, naming the actor, the action and
 * the journey, still exists before the change; only the status follows, a moment later (a failed
 * update is logged, and leaves the row saying the outcome is unknown). For answers that are an
 * acknowledgement whose own record lies elsewhere: an accepted start (the journey's history) and
 * an EHR delivery (each entry's outcome in the inbox).
 */
export function letAuditOutcomeFollowAnswer(request: Request): void {
  outcomeAfterAnswer.add(request);
}

export function auditOutcomeMayFollowAnswer(request: Request): boolean {
  return outcomeAfterAnswer.has(request);
}
