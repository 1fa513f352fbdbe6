import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { journeyModules } from './journeys';

type Schema = Record<string, unknown>;

/** As GET /api/journey-types sends it (see JourneyTypesController). */
const asSent = (schema: z.ZodType): Schema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;

describe('every journey names its events and their fields for people', () => {
  test.each(journeyModules.map((module) => [module.id, module] as const))(
    '%s: each event and each of its fields has a title',
    (_id, module) => {
      const schema = asSent(module.eventSchema);
      const variants = (schema.oneOf ?? schema.anyOf) as Schema[];
      const missing = variants.flatMap((variant) => {
        const properties = variant.properties as Record<string, Schema>;
        const type = String(properties.type?.const);
        const untitled = Object.entries(properties)
          .filter(([name, field]) => name !== 'type' && typeof field.title !== 'string')
          .map(([name]) => `${type}.${name}`);
        return typeof variant.title === 'string' ? untitled : [type, ...untitled];
      });
      expect(missing).toEqual([]);
    },
  );
});
