import cors from 'cors';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../../config/app-config';

/**
 * CORS for the codec routes only, and only for the Temporal Web UI's origin (TEMPORAL_WEB_UI_URL):
 * with credentials, so the browser sends the codec session cookie; preflights answered here,
 * before authentication, as browsers send them without credentials.
 */
export function codecCors(config: AppConfig): RequestHandler {
  const webUiOrigin = new URL(config.temporal.webUiUrl).origin;
  return cors({
    // Granted to that origin only; others get no CORS headers at all.
    origin: (origin, grant) => grant(null, origin === webUiOrigin),
    credentials: true,
    methods: ['POST', 'DELETE'],
    // X-Namespace: the Web UI names the namespace it is showing.
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Namespace'],
    maxAge: 600,
  });
}
