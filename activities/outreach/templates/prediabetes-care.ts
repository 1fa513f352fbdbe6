import type { PrediabetesCareWordingKey } from '../../../workflows/prediabetes-care/prediabetes-care.messages';
import type { TemplateSet } from './template';

/** Formats an ISO instant as a date a patient reads in their own time zone. */
function localDate(iso: string | undefined, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: timeZone ?? 'UTC' }).format(
    new Date(iso ?? Date.now()),
  );
}

export const prediabetesCareTemplates: TemplateSet<PrediabetesCareWordingKey> = {
  'prediabetes-care.welcome': (values) =>
    `Welcome to your diabetes prevention program. Your care team has set you up with the program app: please use it to log your weight each week, your fasting glucose as your team advised, and your minutes of activity. Session 1 of ${values.sessions} starts this week.`,
  'prediabetes-care.core-session': (values) =>
    `Session ${values.session} of ${values.sessions} of your diabetes prevention program is ready this week. Please log your weight in the app when you do it.`,
  'prediabetes-care.monthly-session': (values) =>
    `Your monthly session (${values.session} of ${values.sessions}) is ready. Keep logging your weight, glucose and activity in the app: small steps add up.`,
  'prediabetes-care.inactivity-nudge': (values) =>
    `We have not seen a reading from you in the last ${values.windowHours} hours. Could you log your glucose or weight in the app today? Every reading helps your care team support you.`,
  'prediabetes-care.inactivity-nudge-brief': () =>
    'A quick reminder: please log a reading in your program app today.',
  'prediabetes-care.follow-up-prompt': () =>
    'At this point in your program we cannot see your glucose readings improving yet. Please book a follow-up visit with your care team so you can look at your plan together.',
  'prediabetes-care.follow-up-reminder': () =>
    'A reminder: please book a follow-up visit with your care team to talk about your glucose readings.',
  'prediabetes-care.confirming-test': (values) =>
    `One of your results (${values.test}) was higher than expected. Your care team would like a second blood test to check it. Please book it soon; they will contact you about it.`,
  'prediabetes-care.referred-to-diabetes-care': () =>
    'Your test results show diabetes. Your care team is referring you to their diabetes service, who will contact you about next steps and support.',
  'prediabetes-care.annual-retest': (values) =>
    `You have reached the end of your program year. Please have your yearly HbA1c blood test by ${localDate(values.by, values.timeZone)} so your care team can see how you are doing.`,
  'prediabetes-care.program-completed': (values) =>
    values.goalMet === 'yes'
      ? 'Congratulations: you have completed your diabetes prevention program and reached its goal. Keep up the habits you have built.'
      : 'You have completed your diabetes prevention program. Thank you for taking part; your care team will talk with you about what comes next.',
};
