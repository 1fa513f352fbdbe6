import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { KeyScope, Role } from '../../config/api-keys';

export const ROLES_KEY = 'carepath:roles';
export const PUBLIC_KEY = 'carepath:public';
export const SCOPE_KEY = 'carepath:scope';
/** Where the OpenAPI document names the purpose a scoped integration key must have. */
export const SCOPE_EXTENSION = 'x-key-scope';
/** Where the OpenAPI document lists a route's roles; its 403 is documented from it (api/openapi/). */
export const ROLES_EXTENSION = 'x-roles';

/** The roles allowed on a route. Routes without it (and without @Public) are refused: access fails closed. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), DocumentedRoles(...roles));

/**
 * Only tells the OpenAPI document which roles a route admits, for routes whose own guard checks
 * the role (the global guard reads `Roles` alone).
 */
export const DocumentedRoles = (...roles: Role[]) => ApiExtension(ROLES_EXTENSION, roles);

/** Open to unauthenticated callers; reserved for health checks. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Open to callers without an API key because the route authenticates them itself: a provider
 * webhook by its signature, an unsubscribe link by its signed token.
 */
export const SignatureAuthenticated = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The purpose a route serves: an integration key scoped to it may call the route; a key scoped to
 * anything else may not. Routes without it refuse every scoped key.
 */
export const ServesScope = (scope: KeyScope) =>
  applyDecorators(SetMetadata(SCOPE_KEY, scope), ApiExtension(SCOPE_EXTENSION, scope));
