import { checkAppointmentEvent } from './appointment-events';

/* The stage guard every outreach journey (preventive outreach, emergency follow-up) puts on appointment events. */
describe('checkAppointmentEvent', () => {
  const booking = { appointmentAt: Date.parse('2026-03-02T09:00:00Z'), appointmentId: 'appt-1' };

  test.each([
    'appointment-attended',
    'appointment-no-show',
    'appointment-cancelled',
    'appointment-rescheduled',
  ])('%s is refused while nothing is booked', (type) => {
    expect(() => checkAppointmentEvent({ type }, undefined)).toThrow(`No appointment is booked, so ${type}`);
  });

  test('[HZ-21] an attended visit ends nothing until the journey knows of a booking; then it does', () => {
    expect(() => checkAppointmentEvent({ type: 'appointment-attended' }, undefined)).toThrow(
      /No appointment is booked/,
    );
    expect(() => checkAppointmentEvent({ type: 'appointment-attended' }, booking)).not.toThrow();
  });

  test('a second booking is refused: a new time is a reschedule', () => {
    expect(() => checkAppointmentEvent({ type: 'appointment-booked' }, booking)).toThrow(/already booked/);
    expect(() => checkAppointmentEvent({ type: 'appointment-booked' }, undefined)).not.toThrow();
  });
});
