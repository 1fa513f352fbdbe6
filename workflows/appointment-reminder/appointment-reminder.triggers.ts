import type { JourneyTriggers } from '../journey-triggers';
import { APPOINTMENT_REMINDER } from './appointment-reminder.contract';

/**
 * An appointment reminder is about one appointment: only that Appointment moves it, found by the
 * `appointmentId` it was started with (or once applied to it). It is started through the API, not
 * by an EHR resource. Its one stage is "an appointment is booked", so every status it takes means
 * something there; the appointment's time ends it.
 */
export const appointmentReminderTriggers: JourneyTriggers = {
  journey: APPOINTMENT_REMINDER,
  starts: [],
  events: [],
  takes: [
    {
      resource: 'Appointment',
      events: {
        cancelled: 'appointment-cancelled',
        arrived: 'appointment-attended',
        fulfilled: 'appointment-attended',
      },
      links: [
        { kind: 'resource', via: ['self'] },
        { kind: 'instance-id', param: 'appointmentId' },
      ],
      description: 'Its appointment is cancelled or attended.',
    },
  ],
  valueSets: {},
  closes: ['The appointment is cancelled, attended, or its time comes.'],
};
