import { describe, expect, test } from '@jest/globals';
import { rowOfShape, rowShapes, shapeOf } from './row-schema';

// Shaped like z.toJSONSchema's output for an escalation plan's steps (a discriminated union).
const steps = {
  type: 'array',
  items: {
    oneOf: [
      {
        type: 'object',
        properties: {
          afterDays: { type: 'number', minimum: 0, maximum: 365, title: 'After', unit: 'days' },
          action: { type: 'string', const: 'message', title: 'Action' },
          channel: { type: 'string', enum: ['default', 'sms'], title: 'Channel' },
          respondWithinHours: {
            type: 'integer',
            minimum: 1,
            maximum: 336,
            title: 'Respond within',
            unit: 'hours',
          },
        },
        required: ['afterDays', 'action', 'channel'],
      },
      {
        type: 'object',
        properties: {
          afterDays: { type: 'number', minimum: 0, maximum: 365, title: 'After', unit: 'days' },
          action: { type: 'string', const: 'staff-call', title: 'Action' },
          dueWithinHours: {
            type: 'integer',
            minimum: 1,
            maximum: 336,
            title: 'Call due within',
            unit: 'hours',
          },
        },
        required: ['afterDays', 'action', 'dueWithinHours'],
      },
    ],
  },
};

describe('rowShapes', () => {
  const shapes = rowShapes(steps);

  test('each kind of row has its fields, labelled with title and unit, told apart by the constant field', () => {
    expect(shapes.map((shape) => shape.discriminator)).toEqual([
      { key: 'action', value: 'message' },
      { key: 'action', value: 'staff-call' },
    ]);
    expect(shapes[0]!.fields).toEqual([
      expect.objectContaining({ key: 'afterDays', label: 'After (days)', kind: 'number', required: true }),
      expect.objectContaining({
        key: 'channel',
        label: 'Channel',
        kind: 'choice',
        options: ['default', 'sms'],
      }),
      expect.objectContaining({
        key: 'respondWithinHours',
        label: 'Respond within (hours)',
        integer: true,
        max: 336,
        required: false,
      }),
    ]);
  });

  test('a row finds its kind; a new row starts from required fields only', () => {
    expect(shapeOf(shapes, { action: 'staff-call' })).toBe(shapes[1]);
    expect(rowOfShape(shapes[0]!)).toEqual({ action: 'message', afterDays: 0, channel: 'default' });
  });

  test('switching a row to another kind keeps the fields both kinds have', () => {
    const call = rowOfShape(shapes[1]!, { action: 'message', afterDays: 3, channel: 'sms' });
    expect(call).toEqual({ action: 'staff-call', afterDays: 3, dueWithinHours: 1 });
  });

  test('a list of plain values has no rows', () => {
    expect(rowShapes({ type: 'array', items: { type: 'string' } })).toEqual([]);
  });
});
