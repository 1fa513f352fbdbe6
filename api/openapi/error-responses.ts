import {
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
} from '@nestjs/swagger';
import { ROLES, type Role } from '../../config/api-keys';
import { ROLES_EXTENSION } from '../auth/roles.decorator';
import { ApiErrorView } from '../errors/api-error.view';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const satisfies (keyof PathItemObject)[];

/** An operation as `Roles` and `DocumentedRoles` leave it. */
type RoleListingOperation = OperationObject & Partial<Record<typeof ROLES_EXTENSION, Role[]>>;

/**
 * Documents the refusals that come from the global guard, the pipes and the body parser rather than
 * from a handler, so that no controller has to repeat them and none can forget them: 400 where
 * there is input to check, 401 where a credential is needed, 403 where the route admits only some
 * roles. Every 4xx then answers with the one error body (api-exception.filter.ts).
 */
export function documentErrorResponses(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) documentRefusals(operation);
    }
  }
}

function documentRefusals(operation: RoleListingOperation): void {
  const { responses } = operation;
  if (takesInput(operation)) {
    responses['400'] ??= { description: 'The body, query or path parameters are not valid.' };
  }
  if (needsCredentials(operation)) {
    responses['401'] ??= { description: 'No API key, or one that is not valid.' };
  }
  const roles = operation[ROLES_EXTENSION];
  if (roles && !ROLES.every((role) => roles.includes(role))) {
    responses['403'] ??= { description: `Only for ${roles.join(', ')} keys; other roles are refused.` };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('4') && response && !('$ref' in response) && !response.content) {
      response.content = { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorView) } } };
    }
  }
}

/** The global ValidationPipe, the parameter pipes and the JSON body parser answer 400 for bad input. */
function takesInput(operation: OperationObject): boolean {
  return Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
}

/** An empty requirement would make the credential optional. */
function needsCredentials(operation: OperationObject): boolean {
  const security = operation.security ?? [];
  return security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
}
