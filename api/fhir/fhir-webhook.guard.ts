import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { bearerTokenOf } from '../auth/bearer-token';
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from './inbound/webhook-signature';
import type { AppConfig } from '../../config/app-config';
import { refuseOutOfScope, type AuthenticatedRequest } from '../auth/api-key.guard';
import { APP_CONFIG } from '../infrastructure/tokens';

/**
 * Who may post EHR events: a caller that signs the body with the shared webhook secret (EHRs and
 * engines that cannot send an API key), or one with an integration API key. Anything else is
 * 401, before the body is looked at, so nothing of it is stored. A presented key has already been
 * looked up by the global API key guard (`request.actor`).
 */
@Injectable()
export class FhirWebhookGuard implements CanActivate {
  private readonly secret: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = config.fhirWebhookSecret;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const signature = request.header(WEBHOOK_SIGNATURE_HEADER);
    if (signature !== undefined) {
      if (!this.secret) {
        throw new UnauthorizedException(
          `Signed requests are not configured here (FHIR_WEBHOOK_SECRET); send an integration API key instead.`,
        );
      }
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verifyWebhookSignature(body, signature, this.secret)) {
        throw new UnauthorizedException(`The ${WEBHOOK_SIGNATURE_HEADER} signature does not match the body.`);
      }
      return true;
    }
    if (!bearerTokenOf(request)) {
      throw new UnauthorizedException(
        `Missing credentials: send "Authorization: Bearer <integration API key>" or sign the body ` +
          `("${WEBHOOK_SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body>").`,
      );
    }
    const role = request.actor?.role;
    if (!role) throw new UnauthorizedException('The API key is not valid.');
    if (role !== 'integration') {
      throw new UnauthorizedException(
        `EHR events need an integration key; a ${role} key is not accepted here.`,
      );
    }
    refuseOutOfScope(request.actor!, 'ehr-inbound');
    return true;
  }
}
