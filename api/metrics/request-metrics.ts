import type { NextFunction, Request, Response } from 'express';
import type { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';

/**
 * Times every API request and counts it by the route pattern it matched, read when the answer
 * is sent (routing has happened by then); a request no route matched (a static file, a 404)
 * counts as `other`.
 */
export function countRequests(metrics: CarepathMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const path = (request.route as { path?: unknown } | undefined)?.path;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequestServed(
        request.method,
        typeof path === 'string' ? `${request.baseUrl}${path}` : undefined,
        response.statusCode,
        seconds,
      );
    });
    next();
  };
}
