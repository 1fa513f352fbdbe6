import { NotFoundException, type PipeTransform } from '@nestjs/common';

/** Journey ids are `<journey type>-<patient reference>`; anything else cannot name a journey. */
export const JOURNEY_ID = /^[a-z][a-z0-9-]{0,63}-[0-9a-f]{32}$/;

export class JourneyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!JOURNEY_ID.test(value))
      throw new NotFoundException({ message: `No journey with id "${value.slice(0, 100)}".`, errors: [] });
    return value;
  }
}
