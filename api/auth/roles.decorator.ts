import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../config/api-keys';

export const ROLES_KEY = 'carepath:roles';
export const PUBLIC_KEY = 'carepath:public';

/** The roles allowed on a route. Routes without it (and without @Public) are refused: access fails closed. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to unauthenticated callers; reserved for health checks. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Open to callers without an API key because the route authenticates them itself: a provider
 * webhook by its signature, an unsubscribe link by its signed token.
 */
export const SignatureAuthenticated = () => SetMetadata(PUBLIC_KEY, true);
