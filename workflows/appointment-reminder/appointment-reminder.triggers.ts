import type { JourneyTriggers } from '../journey-triggers';
import { APPOINTMENT_REMINDER } from './appointment-reminder.contract';

/**
 * An appointment reminder is about one appointment: only that Appointment (once applied to it)
 * moves it. It is started through the API, not by an EHR resource.
 */
export const appointmentReminderTriggers: JourneyTriggers = {
  journey: APPOINTMENT_REMINDER,
  starts: [],
  takes: [
    {
      resource: 'Appointment',
      events: {
        cancelled: 'appointment-cancelled',
        arrived: 'appointment-attended',
        fulfilled: 'appointment-attended',
      },
      links: [{ kind: 'resource', via: ['self'] }],
      description: 'Its appointment is cancelled or attended.',
    },
  ],
  valueSets: {},
  closes: ['The appointment is cancelled, attended, or its time comes.'],
};
