import type { Payload } from '@temporalio/common';
import { z } from 'zod';
import { badRequest, fromZodIssues } from '../errors/api-error';

/** Base64 as protobuf's JSON mapping writes bytes (standard alphabet, padding optional). */
const base64 = z
  .string()
  .max(4 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const payloadJson = z.strictObject({
  metadata: z.record(z.string().min(1).max(256), base64).optional(),
  data: base64.optional(),
});

/**
 * The body of the Temporal codec server protocol, as the Web UI and the CLI send it: payloads in
 * protobuf's JSON form, bytes in base64. Bounded so one request cannot make the API work without end.
 */
export const codecRequestSchema = z.strictObject({ payloads: z.array(payloadJson).max(1000) });

export type PayloadJson = z.infer<typeof payloadJson>;

export function payloadsFromRequest(body: unknown): Payload[] {
  const parsed = codecRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw badRequest(
      'Expected {"payloads": [{"metadata": {...}, "data": "<base64>"}]}.',
      fromZodIssues(parsed.error.issues, ''),
    );
  }
  return parsed.data.payloads.map((payload) => ({
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(payload.data ?? '', 'base64'),
  }));
}

export function payloadsToResponse(payloads: Payload[]): { payloads: PayloadJson[] } {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value ?? []).toString('base64'),
        ]),
      ),
      data: Buffer.from(payload.data ?? []).toString('base64'),
    })),
  };
}
