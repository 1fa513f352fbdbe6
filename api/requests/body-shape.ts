import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody } from '../errors/api-error';

/*
 * What no JSON body of this API may hold, whatever its route: keys that name JavaScript's object
 * machinery (a `__proto__` or `constructor` key reaching a merge or a class-transformer call can
 * change how every later object behaves), and nesting deeper than any of its documents (3,000
 * levels overflowed the validators' recursion: a 500). Checked once, after parsing, before any
 * route sees the body.
 */

export const MAX_BODY_DEPTH = 32;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why this parsed body is refused, with the path of the offending field; undefined when it is fine. */
export function bodyShapeProblem(body: unknown): { field: string; message: string } | undefined {
  // Iterative, so the check itself cannot overflow on the bodies it exists to refuse.
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    // Raw bodies (the signed EHR webhook) are bytes, read by their own route.
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return { field: path || '(body)', message: `is nested deeper than ${MAX_BODY_DEPTH} levels` };
    }
    for (const key of Object.keys(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && RESERVED_KEYS.has(key)) {
        return { field, message: `"${key}" is a reserved name and cannot be a field` };
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Express middleware: a 400 naming the field, before any route or validator runs. */
export function refuseMalformedBodies(request: Request, response: Response, next: NextFunction): void {
  const problem = bodyShapeProblem(request.body);
  if (!problem) return next();
  const body: ApiErrorBody = {
    message: `The request body is refused: ${problem.field} ${problem.message}.`,
    errors: [problem],
  };
  response.status(400).json(body);
}
