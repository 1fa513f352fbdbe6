import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { bearerTokenOf } from '../auth/bearer-token';
import { CODEC_SESSION_COOKIE, CodecSessions } from './codec-session';

/**
 * Decoding shows patients' data in clear, so only operators may: by their API key (the Temporal
 * CLI's `--codec-auth`) or by the codec session cookie the Web UI sends. The routes are exempt from
 * the global guard's role rule for the cookie's sake, so this guard admits or refuses every call
 * itself; a presented key has already been looked up by the global guard (`request.actor`).
 */
@Injectable()
export class CodecAccessGuard implements CanActivate {
  constructor(private readonly sessions: CodecSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (bearerTokenOf(request)) {
      const holder = request.actor;
      if (!holder) throw new UnauthorizedException('The API key is not valid.');
      if (holder.role !== 'operator')
        throw new ForbiddenException(`The ${holder.role} role may not do this.`);
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
