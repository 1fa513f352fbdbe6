/*
 * The wording keys of emergency-visit follow-up: program settings choose among them, and each has
 * template files in workflows/emergency-follow-up/wording/ (a test checks both ways).
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
