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
import type { Role } from '../../config/api-keys';
import { APP_CONFIG } from '../infrastructure/tokens';
import { ApiKeyVerifier } from './api-key-verifier';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export interface AuthenticatedRequest extends Request {
  role?: Role;
}

/** Global guard: a bearer API key names the caller's role, and each route lists the roles it admits. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly verifier: ApiKeyVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.verifier = new ApiKeyVerifier(config.apiKeys);
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = bearerTokenOf(request);
    if (!presented)
      throw new UnauthorizedException('Missing credentials: send "Authorization: Bearer <API key>".');
    const role = this.verifier.roleOf(presented);
    if (!role) throw new UnauthorizedException('The API key is not valid.');

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(role)) {
      throw new ForbiddenException(`The ${role} role may not do this.`);
    }
    request.role = role;
    return true;
  }
}
