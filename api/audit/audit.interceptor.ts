import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { concatMap, from, switchMap, catchError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { auditEntry } from './audit-entry';
import { AuditTrail, type AuditActor } from './audit-trail.service';
import { AUDIT_KEY, type AuditSpec } from './audited.decorator';
import { loggableError } from '../../shared/telemetry/loggable-error';
import { markRecordedByInterceptor } from './early-refusals';
import { auditOutcomeMayFollowAnswer } from './outcome-after-answer';
import { AuditRowOpening, noteAuditRowOpening } from './audit-row-opening';
import { InFlightHandlers } from '../infrastructure/in-flight-handlers';

/**
 * Writes one audit row for every call of a route marked @AuditedAs, failing closed:
 * - a read is recorded before its answer leaves; if the row cannot be written the caller gets a
 *   500 and no patient data;
 * - a change by a key holder is recorded before it is made (outcome filled in after, before the
 *   answer unless the handler let it follow: see outcome-after-answer.ts), so no change happens
 *   that the trail does not show; a handler that first stores what it received may have the row
 *   written meanwhile, or in its first write, and await it before changing anything (see
 *   audit-row-opening.ts);
 * - a refusal (400, 404, 409...) is recorded with its status.
 * Callers known only by a signature are verified inside the handler: their refusals (4xx) are
 * unknown callers and not recorded, and their changes are recorded once verified and done (a
 * failed write answers 500 and the provider sends the webhook again).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
    private readonly inFlight: InFlightHandlers,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    if (!spec || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const keyHolder: AuditActor | undefined = request.actor;
    const actor = keyHolder ?? (spec.signedBy ? { role: 'signed' as const, name: spec.signedBy } : undefined);
    if (!actor) {
      // The global guard admits no unauthenticated call to a route that is neither public nor signed.
      throw new Error(`Audited route ${spec.action} reached without a known caller.`);
    }
    markRecordedByInterceptor(request);
    const entry = (result?: unknown) => auditEntry(spec, actor, request, result);

    const isChange = !['GET', 'HEAD'].includes(request.method);
    if (isChange && keyHolder && spec.openedWhileReceiving) {
      // The handler awaits the row before changing anything (audit-row-opening.ts).
      const opening = new AuditRowOpening(this.trail, entry(), {
        carried: spec.carriedByFirstWrite === true,
      });
      noteAuditRowOpening(request, opening);
      const close = async (status: number, result?: unknown) =>
        this.trail.close(await opening.id(), status, entry(result));
      return next.handle().pipe(
        catchError(async (error: unknown) => {
          await this.quietly(spec, close(statusOf(error)));
          throw error;
        }),
        concatMap(async (result: unknown) => {
          const closing = close(response.statusCode, result);
          if (auditOutcomeMayFollowAnswer(request)) this.inFlight.track(this.quietly(spec, closing));
          else await closing;
          return result;
        }),
      );
    }
    if (isChange && keyHolder) {
      return from(this.trail.open(entry())).pipe(
        switchMap((id) =>
          next.handle().pipe(
            catchError(async (error: unknown) => {
              await this.quietly(spec, this.trail.close(id, statusOf(error), entry()));
              throw error;
            }),
            concatMap(async (result: unknown) => {
              const closing = this.trail.close(id, response.statusCode, entry(result));
              if (auditOutcomeMayFollowAnswer(request)) this.inFlight.track(this.quietly(spec, closing));
              else await closing;
              return result;
            }),
          ),
        ),
      );
    }
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        const status = statusOf(error);
        const unverifiedCaller = !keyHolder && status >= 400 && status < 500;
        if (!unverifiedCaller) await this.quietly(spec, this.trail.record(entry(), status));
        throw error;
      }),
      concatMap(async (result: unknown) => {
        await this.trail.record(entry(result), response.statusCode);
        return result;
      }),
    );
  }

  /** A refusal or failure shows and changes nothing: it is answered even if its row is lost. */
  private async quietly(spec: AuditSpec, write: Promise<void>): Promise<void> {
    try {
      await write;
    } catch (error) {
      this.logger.error(`The outcome of ${spec.action} could not be recorded: ${loggableError(error)}`);
    }
  }
}

function statusOf(error: unknown): number {
  return error instanceof HttpException ? error.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
}
