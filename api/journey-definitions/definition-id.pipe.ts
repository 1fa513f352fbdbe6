import type { PipeTransform } from '@nestjs/common';
import { DEFINITION_ID } from '../../contracts/journey-definitions/definition-schema';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { badRequest } from '../errors/api-error';

/** A definition id in the path: a 400 naming it when it cannot be one. */
export class DefinitionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!DEFINITION_ID.test(value)) {
      throw badRequest('id is not valid.', [
        { field: 'id', message: 'must be lower-case letters, digits and dashes, starting with a letter' },
      ]);
    }
    return value;
  }
}

/** Who a definition's audit trail and history name: the API key's holder (never a patient). */
export const whoActed = (request: AuthenticatedRequest) => request.actor?.name ?? request.role ?? 'unknown';
