import { describe, expect, test } from '@jest/globals';
import { enumOptions, numberRules, schemaAt, schemaDescription, schemaTitle } from './schema-lookup';

// Shaped like zod's z.toJSONSchema(..., { io: 'input' }) output for program settings.
const schema = {
  type: 'object',
  properties: {
    channel: {
      default: 'portal',
      description: 'Channel of the reminder.',
      type: 'string',
      enum: ['portal', 'email', 'sms'],
    },
    reminderLeadHours: { type: 'integer', minimum: 1, maximum: 336, title: 'Reminder lead time (hours)' },
    quietHours: {
      allOf: [
        {
          type: 'object',
          properties: { start: { type: 'string', description: 'When quiet hours begin.' } },
        },
      ],
    },
    profile: { anyOf: [{ type: 'string', enum: ['dilo'] }, { const: 'nhs-england' }, { type: 'null' }] },
    perItem: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
};

describe('schemaAt', () => {
  test('finds a top-level property', () => {
    expect(schemaAt(schema, 'channel')?.enum).toEqual(['portal', 'email', 'sms']);
  });

  test('walks into objects behind allOf', () => {
    expect(schemaDescription(schemaAt(schema, 'quietHours.start'))).toBe('When quiet hours begin.');
  });

  test('uses additionalProperties for the keys of a record', () => {
    expect(numberRules(schemaAt(schema, 'perItem.mammogram')).min).toBe(0);
  });

  test('answers undefined for paths the schema does not know, or without a schema', () => {
    expect(schemaAt(schema, 'quietHours.missing')).toBeUndefined();
    expect(schemaAt(schema, 'channel.deeper')).toBeUndefined();
    expect(schemaAt(undefined, 'channel')).toBeUndefined();
  });
});

describe('what a schema node says', () => {
  test('enum choices, from an enum or a union of enums and consts (null left out)', () => {
    expect(enumOptions(schemaAt(schema, 'channel'))).toEqual(['portal', 'email', 'sms']);
    expect(enumOptions(schemaAt(schema, 'profile'))).toEqual(['dilo', 'nhs-england']);
  });

  test('no choices when any string is allowed', () => {
    expect(enumOptions(schemaAt(schema, 'note'))).toBeUndefined();
    expect(enumOptions(schemaAt(schema, 'quietHours.start'))).toBeUndefined();
    expect(enumOptions(undefined)).toBeUndefined();
  });

  test('titles, integer-ness and bounds', () => {
    const node = schemaAt(schema, 'reminderLeadHours');
    expect(schemaTitle(node)).toBe('Reminder lead time (hours)');
    expect(numberRules(node)).toEqual({ integer: true, min: 1, max: 336 });
    expect(numberRules(undefined)).toEqual({ integer: false, min: undefined, max: undefined });
  });
});
