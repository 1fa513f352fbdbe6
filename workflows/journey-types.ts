import type { z } from 'zod';
import {
  APPOINTMENT_REMINDER,
  appointmentReminderEvent,
  appointmentReminderParams,
  appointmentReminderSettings,
  type AppointmentReminderParams,
} from './appointment-reminder/appointment-reminder.contract';
import { appointmentReminderBlueprint } from './appointment-reminder/appointment-reminder.blueprint';
import type { Blueprint } from '../contracts/blueprint';
import { oncologyFastTrackJourneyType } from './oncology-fast-track/oncology-fast-track.journey-type';
import { prediabetesCareJourneyType } from './prediabetes-care/prediabetes-care.journey-type';
import { preventiveOutreachJourneyType } from './preventive-outreach/preventive-outreach.journey-type';
import { emergencyFollowUpJourneyType } from './emergency-follow-up/emergency-follow-up.journey-type';

/** A journey type as the API offers it: what to start, with which parameters, settings and events, and its map. */
export interface JourneyType {
  id: string;
  title: string;
  description: string;
  workflowType: string;
  paramsSchema: z.ZodType;
  eventSchema: z.ZodType;
  /** Program settings: every tunable default of the journey; published in versions. */
  settingsSchema: z.ZodType;
  blueprint: Blueprint;
  /**
   * Tells apart journeys of this type for one patient (a DiLO card number, a screening item);
   * absent (or returning undefined) when a patient has at most one running journey of the type.
   */
  instanceKey?: (params: never) => string | undefined;
  /** Where the clinical numbers come from, for the designer and the docs. */
  sources: string[];
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
    settingsSchema: appointmentReminderSettings,
    blueprint: appointmentReminderBlueprint,
    // A reminder for an EHR appointment is that appointment's (its events find it by the id);
    // one given no appointment id is the patient's one such reminder, as before.
    instanceKey: (params: AppointmentReminderParams) => params.appointmentId,
    sources: [
      'Community Guide: client reminders; reminder timing 24-72 h made no difference (tunable default).',
    ],
  },
  oncologyFastTrackJourneyType,
  prediabetesCareJourneyType,
  preventiveOutreachJourneyType,
  emergencyFollowUpJourneyType,
];

export function findJourneyType(id: string): JourneyType | undefined {
  return journeyTypes.find((type) => type.id === id);
}

export function findJourneyTypeByWorkflow(workflowType: string): JourneyType | undefined {
  return journeyTypes.find((type) => type.workflowType === workflowType);
}
