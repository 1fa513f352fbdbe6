import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';

const tracer = trace.getTracer('carepath-api');

/**
 * The root span of an API request, named by its route pattern (`POST /api/journeys/:id/events`),
 * never its URL: a URL may name a patient. The Temporal client interceptor's spans (start, update,
 * query) become its children, and through Temporal's headers so do the workflow's and activities'.
 */
@Injectable()
export class RequestSpanInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<Request>();
    const route = `${request.baseUrl}${(request.route as { path?: string } | undefined)?.path ?? ''}`;
    const span = tracer.startSpan(`${request.method} ${route}`, {
      attributes: { 'http.method': request.method, 'http.route': route },
    });
    const active = trace.setSpan(context.active(), span);
    return new Observable((subscriber) =>
      context.with(active, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            const status = execution.switchToHttp().getResponse<Response>().statusCode;
            span.setAttribute('http.status_code', status);
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
