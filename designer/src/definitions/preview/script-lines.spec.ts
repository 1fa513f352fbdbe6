import { describe, expect, test } from '@jest/globals';
import screeningBooking from '../../../../contracts/journey-definitions/examples/screening-booking.json';
import { journeyDefinitionSchema } from '../../../../contracts/journey-definitions/definition-schema';
import { describeLine, emptyLine, lineOf, taskChoices } from './script-lines';

const definition = journeyDefinitionSchema.parse(screeningBooking);

describe('script lines as the designer writes them', () => {
  test('an event line carries its declared fields, typed; a date becomes an instant', () => {
    const line = lineOf(
      { ...emptyLine(definition), day: 5, hour: 14, fields: { appointmentAt: '2026-03-20' } },
      definition,
    );
    expect(line).toEqual({
      day: 5,
      hour: 14,
      event: { type: 'appointment-booked', appointmentAt: '2026-03-20T00:00:00.000Z' },
    });
    expect(describeLine(line as never, definition)).toBe(
      'Day 5, 14:00: Appointment booked (appointmentAt 2026-03-20T00:00:00.000Z)',
    );
  });

  test('a field that is not what it declares, or a missing reason, is a problem, not a line', () => {
    expect(lineOf({ ...emptyLine(definition), fields: { appointmentAt: 'next week' } }, definition)).toEqual({
      problem: 'appointmentAt must be a date.',
    });
    expect(lineOf({ ...emptyLine(definition), kind: 'pause', reason: '  ' }, definition)).toEqual({
      problem: 'Give a reason.',
    });
  });

  test('task outcomes offer the node’s own outcomes and no-answer', () => {
    expect(taskChoices(definition)).toEqual([
      {
        node: 'call-patient',
        label: 'Call the patient to book',
        outcomes: ['booked', 'declined', 'no-answer'],
      },
    ]);
    const line = lineOf(
      {
        ...emptyLine(definition),
        kind: 'taskOutcome',
        day: 16,
        taskNode: 'call-patient',
        outcome: 'no-answer',
      },
      definition,
    );
    expect(describeLine(line as never, definition)).toBe(
      'Day 16, 09:00: staff finish “Call the patient to book” with no-answer',
    );
  });
});
