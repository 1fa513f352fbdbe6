import type { Server } from 'node:http';

/** Requests still running after this long are cut off: shutdown must not hang on a stuck one. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops taking requests and waits for those in flight to be answered. The API's connections
 * (Temporal, PostgreSQL) close after this: closed under a running call, that call would fail
 * (see shared/temporal/closable-connection.ts) and its request with it.
 */
export async function drainHttpServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
