import type { z } from 'zod';
import type { CancelRequest } from './journey-contract';
import type { JourneyTracker } from './journey-tracker';

/*
 * Update validators: throwing here rejects the update before anything is written to the
 * journey's history, so a bad event or a late cancel changes nothing.
 */

export function requireActive(tracker: JourneyTracker): void {
  if (!tracker.isActive) throw new Error(`The journey has already ended (stage "${tracker.currentStage}").`);
}

export function requireReason(request: CancelRequest | undefined): void {
  if (typeof request?.reason !== 'string' || request.reason.trim().length === 0) {
    throw new Error('A reason is required to cancel a journey.');
  }
}

export function parseEvent<Schema extends z.ZodType>(schema: Schema, event: unknown): z.output<Schema> {
  const result = schema.safeParse(event);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`);
    throw new Error(`Invalid event: ${details.join('; ')}`);
  }
  return result.data;
}
