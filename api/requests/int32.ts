import type { PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors/api-error';

/** PostgreSQL `integer` columns (settings versions) hold 32 bits: a larger number is bad input, not a database error. */
export const INT32_MAX = 2_147_483_647;

/** A path parameter that must be a whole number from `min` to INT32_MAX; a 400 naming it otherwise. */
export class Int32Pipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly min = 0,
  ) {}

  transform(value: string): number {
    const number = /^-?\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < this.min || number > INT32_MAX) {
      throw badRequest(`${this.name} is not valid.`, [
        { field: this.name, message: `must be a whole number from ${this.min} to ${INT32_MAX}` },
      ]);
    }
    return number;
  }
}
