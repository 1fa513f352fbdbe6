import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';
import { loggableError } from '../../shared/telemetry/loggable-error';

interface BodyParserError {
  type: string;
  status: number;
}

/**
 * Turns every failure into `{ message, errors }`. Client errors explain themselves; anything
 * unexpected becomes a plain 500 with a correlation id, and its details go to the log only.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception);
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ApiErrorBody } {
    // Nest wraps body-parser failures in a BadRequestException whose cause is the parser's error.
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parserError)) {
      const message =
        parserError.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : parserError.type === 'entity.too.large'
            ? 'The request body is too large.'
            : 'The request body could not be read.';
      return { status: parserError.status, body: { message, errors: [] } };
    }
    if (exception instanceof HttpException) {
      return { status: exception.getStatus(), body: toErrorBody(exception.getResponse()) };
    }
    const correlationId = randomUUID();
    this.logger.error(`Unhandled error ${correlationId}: ${loggableError(exception)}`);
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        message: 'Internal error. Quote the correlation id when reporting it.',
        errors: [],
        correlationId,
      },
    };
  }
}

function toErrorBody(response: string | object): ApiErrorBody {
  if (typeof response === 'string') return { message: response, errors: [] };
  const { message, errors } = response as { message?: unknown; errors?: unknown };
  return {
    message:
      typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : 'Request failed.',
    errors: Array.isArray(errors) ? (errors as ApiErrorBody['errors']) : [],
  };
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    typeof candidate?.type === 'string' &&
    candidate.type.startsWith('entity.') &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}
