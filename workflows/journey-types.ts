import type { z } from 'zod';
import {
  APPOINTMENT_REMINDER,
  appointmentReminderEvent,
  appointmentReminderParams,
} from './appointment-reminder/appointment-reminder.contract';

/** A journey type as the API offers it: what to start, with which parameters, and which events it accepts. */
export interface JourneyType {
  id: string;
  title: string;
  description: string;
  workflowType: string;
  paramsSchema: z.ZodType;
  eventSchema: z.ZodType;
}

export const journeyTypes: readonly JourneyType[] = [
  {
    id: APPOINTMENT_REMINDER,
    title: 'Appointment reminder',
    description:
      'Reminds the patient before a booked appointment; follows reschedules and stops when it is cancelled or attended.',
    workflowType: 'appointmentReminderWorkflow',
    paramsSchema: appointmentReminderParams,
    eventSchema: appointmentReminderEvent,
  },
];

export function findJourneyType(id: string): JourneyType | undefined {
  return journeyTypes.find((type) => type.id === id);
}
