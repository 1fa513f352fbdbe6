import { describe, expect, test } from '@jest/globals';
import { buildEvent, eventForms, inWords } from './event-forms';

/** The shape GET /api/journey-types sends for prediabetes care (trimmed). */
const prediabetesEvents = {
  oneOf: [
    {
      type: 'object',
      properties: {
        type: { type: 'string', const: 'reading' },
        metric: { type: 'string', enum: ['weight-kg', 'hba1c-percent'], title: 'Measurement' },
        value: { type: 'number', title: 'Weight', unit: 'kg' },
        at: {
          type: 'string',
          format: 'date-time',
          title: 'Measured at',
          description: 'When it was measured. Default: now.',
        },
      },
      required: ['type', 'metric', 'value'],
      title: 'Reading',
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
      {
        name: 'metric',
        label: 'Measurement',
        kind: 'choice',
        required: true,
        choices: ['weight-kg', 'hba1c-percent'],
      },
      { name: 'value', label: 'Weight', kind: 'number', required: true, unit: 'kg' },
      {
        name: 'at',
        label: 'Measured at',
        kind: 'date-time',
        required: false,
        description: 'When it was measured. Default: now.',
      },
    ]);
    expect(diagnosed!.fields).toEqual([]);
  });

  test('people read titles; a key without one is put in words, never shown raw', () => {
    expect(reading!.label).toBe('Reading');
    expect(session!.label).toBe('Session attended');
    expect(session!.fields[0]!.label).toBe('Session');
    expect(diagnosed!.label).toBe('Diabetes diagnosed');
    expect(['presentedAt', 'clock-started', 'dischargeDisposition', 'at'].map(inWords)).toEqual([
      'Presented at',
      'Clock started',
      'Discharge disposition',
      'At',
    ]);
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
        { field: 'metric', message: 'Measurement is required' },
        { field: 'value', message: 'Weight must be a number' },
      ],
    });
    expect(buildEvent(session!, { session: '2.5' })).toEqual({
      ok: false,
      problems: [{ field: 'session', message: 'Session must be a whole number' }],
    });
  });
});
