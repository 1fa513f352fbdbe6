import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import { journeyDefinitionSchema } from '../../contracts/journey-definitions/definition-schema';
import type { Scenario } from '../../contracts/journey-definitions/scenario-schema';
import { enrolmentInstant, lineInstant, runScenario, simulationRequestOf } from './run-scenario';

const definition = journeyDefinitionSchema.parse(screeningBooking);

// Warsaw moves its clocks forward on 29 March 2026: 10:00 is 09:00Z before, 08:00Z after.
const warsawScenario: Scenario = {
  name: 'Books after the clocks change',
  patient: {
    language: 'en',
    readingLevel: 'plain',
    timeZone: 'Europe/Warsaw',
    channels: [{ channel: 'sms', consent: true }],
    enrolledAt: '2026-03-27T10:00',
  },
  script: [
    { day: 3, hour: 10, event: { type: 'appointment-booked', appointmentAt: '2026-04-10T08:00:00Z' } },
  ],
  values: { schedulingUrl: 'https://book.example.org' },
};

describe('a saved scenario as the simulator runs it', () => {
  test("enrolment and every line are on the patient's local clock, across a DST change", () => {
    expect(new Date(enrolmentInstant(warsawScenario.patient)).toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(new Date(lineInstant({ day: 3, hour: 10 }, warsawScenario.patient)).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    // No hour: 09:00 local.
    expect(new Date(lineInstant({ day: 1 }, warsawScenario.patient)).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
  });

  test('a line on the day of enrolment but before its hour happens at enrolment, not before it', () => {
    expect(lineInstant({ day: 0, hour: 6 }, warsawScenario.patient)).toBe(
      enrolmentInstant(warsawScenario.patient),
    );
  });

  test('maps the scenario to a simulation: the default six months, the lines in enrolment days and hours', () => {
    const request = simulationRequestOf(definition, warsawScenario);
    expect(request).toMatchObject({
      months: 6,
      startAt: Date.parse('2026-03-27T09:00:00Z'),
      patient: { language: 'en', timeZone: 'Europe/Warsaw', channels: [{ channel: 'sms', consent: true }] },
      values: { schedulingUrl: 'https://book.example.org' },
    });
    // Three days on the calendar are 71 hours on the clock that spring.
    expect(request.script).toEqual([
      { day: 3, hours: -1, event: { type: 'appointment-booked', appointmentAt: '2026-04-10T08:00:00Z' } },
    ]);
  });

  test('control lines and task outcomes keep their meaning', () => {
    const request = simulationRequestOf(definition, {
      ...warsawScenario,
      months: 2,
      script: [
        { day: 1, pause: 'In hospital' },
        { day: 4, resume: 'Home again' },
        { day: 20, taskOutcome: { node: 'call-patient', outcome: 'declined' } },
        { day: 30, cancel: 'Moved away' },
      ],
    });
    expect(request.months).toBe(2);
    expect(request.script.map(({ hours: _hours, ...line }) => line)).toEqual([
      { day: 1, pause: 'In hospital' },
      { day: 4, resume: 'Home again' },
      { day: 20, taskOutcome: { node: 'call-patient', outcome: 'declined' } },
      { day: 30, cancel: 'Moved away' },
    ]);
  });

  test('runs: the booking on day 3 at 10:00 local ends the journey then', () => {
    const run = runScenario(definition, warsawScenario);
    expect(run.messages.map((message) => message.text)).toEqual([
      'Your screening is due. Book: https://book.example.org',
    ]);
    expect(run.final).toEqual({
      status: 'completed',
      stage: 'booked',
      dropOff: false,
      endedAt: '2026-03-30T08:00:00.000Z',
    });
  });
});
