import type { EmergencyFollowUpWording } from '../../../workflows/emergency-follow-up/emergency-follow-up.messages';
import { localDateTime, type TemplateSet } from './template';

/*
 * Plain-language wording for the follow-up after an emergency visit. The nudge goes out first and
 * is short enough for a text; every message says what to do if things get worse. Values come
 * from the workflow: schedulingUrl, timeZone, appointmentAt.
 */
export const emergencyFollowUpTemplates: TemplateSet<EmergencyFollowUpWording> = {
  'emergency-follow-up.nudge': (values) =>
    'We hope you are feeling better after your emergency visit. A check-up with your own care team in the next few days ' +
    `helps make sure you are recovering well. Book a visit: ${values.schedulingUrl}. ` +
    'If you feel worse, call emergency services.',

  'emergency-follow-up.booking-prompt': (values) =>
    'After an emergency visit, a follow-up with your own doctor or nurse is a good time to go over your test results, ' +
    'check any new medicines and make sure nothing was missed. ' +
    `You can pick a time online: ${values.schedulingUrl}. If you feel worse, call emergency services.`,

  'emergency-follow-up.appointment-reminder': (values) =>
    `Reminder: your follow-up visit is on ${localDateTime(values.appointmentAt, values.timeZone)}. ` +
    `Please bring your discharge papers and medicines. If you cannot come, change it here: ${values.schedulingUrl}`,
};
