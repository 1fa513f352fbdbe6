import { describe, expect, test } from '@jest/globals';
import { buildEvent, eventForms } from './event-forms';

/** The shape GET /api/journey-types sends for prediabetes care (trimmed). */
const prediabetesEvents = {
  oneOf: [
    {
      type: 'object',
      properties: {
        type: { type: 'string', const: 'reading' },
        metric: { type: 'string', enum: ['weight-kg', 'hba1c-percent'] },
        value: { type: 'number' },
        at: { type: 'string', format: 'date-time', description: 'When it was measured. Default: now.' },
      },
      required: ['type', 'metric', 'value'],
    },
    {
      type: 'object',
      properties: { type: { type: 'string', const: 'session-attended' }, session: { type: 'integer' } },
      required: ['type'],
    },
    { type: 'object', properties: { type: { type: 'string', const: 'diabetes-diagnosed' } } },
  ],
};

describe('event forms from a journey type’s event schema', () => {
  const [reading, session, diagnosed] = eventForms(prediabetesEvents);

  test('one form per event type, one typed field per property', () => {
    expect(eventForms(prediabetesEvents).map((form) => form.type)).toEqual([
      'reading',
      'session-attended',
      'diabetes-diagnosed',
    ]);
    expect(reading!.fields).toEqual([
      { name: 'metric', kind: 'choice', required: true, choices: ['weight-kg', 'hba1c-percent'] },
      { name: 'value', kind: 'number', required: true },
      {
        name: 'at',
        kind: 'date-time',
        required: false,
        description: 'When it was measured. Default: now.',
      },
    ]);
    expect(diagnosed!.fields).toEqual([]);
  });

  test('typed values become the event; empty optional fields are left to the journey', () => {
    expect(buildEvent(reading!, { metric: 'weight-kg', value: '92.5', at: '' })).toEqual({
      ok: true,
      event: { type: 'reading', metric: 'weight-kg', value: 92.5 },
    });
    const at = buildEvent(reading!, { metric: 'weight-kg', value: '92', at: '2026-12-01T08:30' });
    expect(at.ok && new Date(at.event.at as string).getTime()).toBe(new Date('2026-12-01T08:30').getTime());
  });

  test('missing and malformed values are named, and nothing is sent', () => {
    expect(buildEvent(reading!, { metric: '', value: 'heavy' })).toEqual({
      ok: false,
      problems: [
        { field: 'metric', message: 'metric is required' },
        { field: 'value', message: 'value must be a number' },
      ],
    });
    expect(buildEvent(session!, { session: '2.5' })).toEqual({
      ok: false,
      problems: [{ field: 'session', message: 'session must be a whole number' }],
    });
  });
});
