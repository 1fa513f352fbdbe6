import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { z } from 'zod';

/** The one error shape every API response uses: a sentence for people, and per-field details. */
export interface ApiErrorBody {
  message: string;
  errors: FieldError[];
  correlationId?: string;
}

export interface FieldError {
  field?: string;
  message: string;
}

export function badRequest(message: string, errors: FieldError[] = []): BadRequestException {
  return new BadRequestException({ message, errors } satisfies ApiErrorBody);
}

/** class-validator failures (DTO bodies and query strings). */
export function fromValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fromValidationErrors(error.children ?? [], field)];
  });
}

/** zod failures (journey parameters and events, whose shape depends on the journey type). */
export function fromZodIssues(issues: z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
