import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiErrorBody, FieldError } from './api-error';

/** The OpenAPI form of `FieldError`. */
export class FieldErrorView implements FieldError {
  @ApiPropertyOptional({ example: 'phone', description: 'The input field at fault, dotted for nested ones.' })
  field?: string;

  @ApiProperty({ example: 'phone must be an E.164 number such as +48601234567' })
  message!: string;
}

/** The OpenAPI form of `ApiErrorBody`: what every 4xx (and the plain 500) answers with. */
export class ApiErrorView implements ApiErrorBody {
  @ApiProperty({ example: 'The request is invalid.' })
  message!: string;

  @ApiProperty({ type: [FieldErrorView], description: 'Per-field details; empty when there are none.' })
  errors!: FieldErrorView[];

  @ApiPropertyOptional({ description: 'Only on a 500: quote it when reporting the error.' })
  correlationId?: string;
}
