import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { bearerTokenOf } from './bearer-token';
import type { AppConfig } from '../../config/app-config';
import type { KeyScope, Role } from '../../config/api-keys';
import { APP_CONFIG } from '../infrastructure/tokens';
import { EarlyRefusals } from '../audit/early-refusals';
import { ApiKeyVerifier, type KeyHolder } from './api-key-verifier';
import { PUBLIC_KEY, ROLES_KEY, SCOPE_KEY } from './roles.decorator';

export interface AuthenticatedRequest extends Request {
  role?: Role;
  /** The key's holder: who the audit trail says acted. */
  actor?: KeyHolder;
}

/** Global guard: a bearer API key names the caller's role, and each route lists the roles it admits. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly verifier: ApiKeyVerifier;

  constructor(
    private readonly reflector: Reflector,
    private readonly refusals: EarlyRefusals,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.verifier = new ApiKeyVerifier(config.apiKeys);
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = bearerTokenOf(request);
    const holder = presented ? this.verifier.holderOf(presented) : undefined;
    if (holder) {
      // Also on signature-authenticated routes: the EHR webhook admits integration keys, and a
      // key holder it refuses is a known caller whose attempt the audit trail keeps.
      request.actor = holder;
      request.role = holder.role;
      this.refusals.watch(context, holder);
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    if (!presented) {
      this.refusals.unauthenticated(context, 'no-credentials');
      throw new UnauthorizedException('Missing credentials: send "Authorization: Bearer <API key>".');
    }
    if (!holder) {
      this.refusals.unauthenticated(context, 'invalid-key');
      throw new UnauthorizedException('The API key is not valid.');
    }

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(holder.role)) {
      throw new ForbiddenException(`The ${holder.role} role may not do this.`);
    }
    refuseOutOfScope(holder, this.reflector.getAllAndOverride<KeyScope>(SCOPE_KEY, targets));
    return true;
  }
}

/** A key scoped to one purpose serves only the routes of that purpose. */
export function refuseOutOfScope(holder: KeyHolder, routeScope: KeyScope | undefined): void {
  if (holder.scope && holder.scope !== routeScope) {
    throw new ForbiddenException(`This key is scoped to ${holder.scope} and may not do this.`);
  }
}
