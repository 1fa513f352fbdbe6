/*
 * Wording keys of the prediabetes-care messages. Settings pick one key per step, the templates in
 * activities/outreach/templates/prediabetes-care.ts word each key: both are typed from this list,
 * so a setting can never name wording that does not exist.
 */
export const prediabetesCareWordingKeys = [
  'prediabetes-care.welcome',
  'prediabetes-care.core-session',
  'prediabetes-care.monthly-session',
  'prediabetes-care.inactivity-nudge',
  'prediabetes-care.inactivity-nudge-brief',
  'prediabetes-care.follow-up-prompt',
  'prediabetes-care.follow-up-reminder',
  'prediabetes-care.confirming-test',
  'prediabetes-care.referred-to-diabetes-care',
  'prediabetes-care.annual-retest',
  'prediabetes-care.program-completed',
] as const;

export type PrediabetesCareWordingKey = (typeof prediabetesCareWordingKeys)[number];
