import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { AppConfig } from '../../config/app-config';
import { ApiKeyVerifier } from '../auth/api-key-verifier';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { bearerTokenOf } from '../auth/bearer-token';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CODEC_SESSION_COOKIE, CodecSessions } from './codec-session';

/**
 * Decoding shows patients' data in clear, so only operators may: by their API key (the Temporal
 * CLI's `--codec-auth`) or by the codec session cookie the Web UI sends. The routes are exempt from
 * the global API key guard for the cookie's sake, so this guard refuses everything else itself.
 */
@Injectable()
export class CodecAccessGuard implements CanActivate {
  private readonly verifier: ApiKeyVerifier;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: CodecSessions,
  ) {
    this.verifier = new ApiKeyVerifier(config.apiKeys);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = bearerTokenOf(request);
    if (presented) {
      const holder = this.verifier.holderOf(presented);
      if (!holder) throw new UnauthorizedException('The API key is not valid.');
      if (holder.role !== 'operator')
        throw new ForbiddenException(`The ${holder.role} role may not do this.`);
      request.role = holder.role;
      request.actor = holder;
      return true;
    }
    const token = parseCookies(request.headers.cookie ?? '')[CODEC_SESSION_COOKIE];
    const session = token ? await this.sessions.verify(token) : undefined;
    if (session) {
      // The audit trail names the operator who opened the session.
      request.role = 'operator';
      request.actor = { role: 'operator', name: session.caller };
      return true;
    }
    throw new UnauthorizedException(
      'Missing credentials: send an operator API key as "Authorization: Bearer <key>", or open a codec session (POST /api/codec/session).',
    );
  }
}
