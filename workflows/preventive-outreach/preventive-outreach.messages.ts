/*
 * The wording keys of preventive outreach: program settings choose among them, and the template
 * files in workflows/preventive-outreach/wording/ word each one; a test checks both
 * ways, so neither can name a message the other does not have.
 */
export const preventiveOutreachWordingKeys = [
  'preventive-outreach.annual-visit.call-to-action',
  'preventive-outreach.mammogram.call-to-action',
  'preventive-outreach.flu-shot.call-to-action',
  'preventive-outreach.colorectal-screening.call-to-action',
  'preventive-outreach.cervical-screening.call-to-action',
  'preventive-outreach.reminder',
  'preventive-outreach.letter',
  'preventive-outreach.rebooking',
  'preventive-outreach.appointment-reminder',
] as const;

export type PreventiveOutreachWording = (typeof preventiveOutreachWordingKeys)[number];

/**
 * What a message step says, resolved per screening item: `call-to-action` is the item's own
 * tailored message, the others are shared wordings the settings name.
 */
export const outreachWordingRoles = ['call-to-action', 'reminder', 'letter', 'rebooking'] as const;

export type OutreachWordingRole = (typeof outreachWordingRoles)[number];

/**
 * The values every preventive-outreach message receives (all strings, already computed in the
 * workflow); `monthsOverdue` is empty when the last screening date is unknown.
 */
export interface PreventiveOutreachValues extends Record<string, string> {
  item: string;
  schedulingUrl: string;
  locations: string;
  monthsOverdue: string;
  timeZone: string;
}
