import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { auditEntry } from './audit-entry';
import { AuditTrail, type AuditActor } from './audit-trail.service';
import { loggableError } from '../../shared/telemetry/loggable-error';
import { AUDIT_KEY, type AuditSpec } from './audited.decorator';

const recordedByInterceptor = new WeakSet<Request>();

/** AuditInterceptor writes this request's row itself. */
export function markRecordedByInterceptor(request: Request): void {
  recordedByInterceptor.add(request);
}

/**
 * Guards run before interceptors, so a call that a guard refuses (a role that may not use the
 * route: 403; a non-integration key on the EHR webhook: 401) never reaches AuditInterceptor.
 * When the caller's key is known and the route is audited, such a refusal is recorded once the
 * answer is sent: nothing was shown or changed, so the answer need not wait for the write.
 */
@Injectable()
export class EarlyRefusals {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * A call without a valid key, on any route but the public ones: one audit row (who is unknown,
   * so the row says which kind of failure, never the key presented) and one log line, so a key
   * being guessed shows in both.
   */
  unauthenticated(context: ExecutionContext, failure: 'no-credentials' | 'invalid-key'): void {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    response.once('finish', () => {
      const entry = auditEntry(
        { action: 'auth.failed' },
        { role: 'unauthenticated', name: failure },
        request,
      );
      this.logger.warn(`401 ${entry.method} ${entry.route} from ${request.ip ?? 'unknown'}: ${failure}`);
      this.trail
        .record(entry, response.statusCode)
        .catch((error: unknown) =>
          this.logger.error(`A failed authentication could not be recorded: ${loggableError(error)}`),
        );
    });
  }

  watch(context: ExecutionContext, actor: AuditActor): void {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    if (!spec) return;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    response.once('finish', () => {
      if (recordedByInterceptor.has(request)) return;
      this.trail
        .record(auditEntry(spec, actor, request), response.statusCode)
        .catch((error: unknown) =>
          this.logger.error(`A refused ${spec.action} could not be recorded: ${loggableError(error)}`),
        );
    });
  }
}
