/*
 * Wording keys of the prediabetes-care messages. Settings pick one key per step, the template files
 * in workflows/prediabetes-care/wording/ word each key: settings are typed from this
 * list and a test checks every key has its files, so a setting never names missing wording.
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
  'prediabetes-care.critical-value',
  'prediabetes-care.referred-to-diabetes-care',
  'prediabetes-care.annual-retest',
  'prediabetes-care.program-completed',
] as const;

export type PrediabetesCareWordingKey = (typeof prediabetesCareWordingKeys)[number];
