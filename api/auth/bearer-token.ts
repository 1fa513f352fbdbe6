import type { Request } from 'express';

/** The credential of `Authorization: Bearer <token>`, or undefined when there is none. */
export function bearerTokenOf(request: Request): string | undefined {
  return /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() || undefined;
}
