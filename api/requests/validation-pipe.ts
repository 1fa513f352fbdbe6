import { ValidationPipe } from '@nestjs/common';
import { badRequest, fromValidationErrors } from '../errors/api-error';

/**
 * How every DTO body and query is checked: unknown fields refused, values converted to the DTO's
 * types, failures answered as `{ message, errors }` with the field named. Built once for the app
 * and once for the DTO specs, so a spec checks what the API does.
 */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest('The request is invalid.', fromValidationErrors(errors)),
  });
}
