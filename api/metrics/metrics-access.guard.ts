import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../config/app-config';
import {
  metricsAccessRule,
  type MetricsAccess,
  type MetricsScrape,
} from '../../shared/telemetry/metrics-access';
import { APP_CONFIG } from '../infrastructure/tokens';

/** `GET /api/metrics` admits whom shared/telemetry/metrics-access.ts says, as the worker's `/metrics` does. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly access: (scrape: MetricsScrape) => MetricsAccess;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.access = metricsAccessRule(config.telemetry.metricsToken, config.production);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const access = this.access({
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress,
    });
    if (access.allowed) return true;
    throw access.status === 401
      ? new UnauthorizedException(access.message)
      : new ForbiddenException(access.message);
  }
}
