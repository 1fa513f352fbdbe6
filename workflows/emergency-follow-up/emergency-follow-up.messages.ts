/*
 * The wording keys of emergency-visit follow-up: program settings choose among them, and the
 * template set (activities/outreach/templates/emergency-follow-up.ts) is typed by them.
 */
export const emergencyFollowUpWordingKeys = [
  'emergency-follow-up.nudge',
  'emergency-follow-up.booking-prompt',
  'emergency-follow-up.appointment-reminder',
] as const;

export type EmergencyFollowUpWording = (typeof emergencyFollowUpWordingKeys)[number];

/** The values every emergency follow-up message receives (strings computed in the workflow). */
export interface EmergencyFollowUpValues extends Record<string, string> {
  schedulingUrl: string;
  timeZone: string;
}
