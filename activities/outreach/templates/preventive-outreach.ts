import type { PreventiveOutreachWording } from '../../../workflows/preventive-outreach/preventive-outreach.messages';
import { localDateTime, type TemplateSet, type TemplateValues } from './template';

/*
 * Plain-language wording for preventive outreach (seed scenario, Bucher 2023): each call to action
 * is tailored to its item; reminders, letter and rebooking are shared. Values come from the
 * workflow: item, schedulingUrl, locations, monthsOverdue ('' when unknown), timeZone, appointmentAt.
 */
export const preventiveOutreachTemplates: TemplateSet<PreventiveOutreachWording> = {
  'preventive-outreach.annual-visit.call-to-action': (values) =>
    `It is time for your ${values.item}. A yearly visit with a primary care doctor helps catch problems early ` +
    `and keeps your care in one place. Doctors near you: ${values.locations}. ` +
    `Choose a doctor and book a time online: ${values.schedulingUrl}`,

  'preventive-outreach.mammogram.call-to-action': (values) =>
    `Your ${values.item} ${overdueSentence(values)} ` +
    'Many people put it off: life gets busy, it can feel uncomfortable, the cost is unclear, or you are new to the area. ' +
    'The scan takes about 20 minutes, screening is often covered by insurance at no cost to you (we can check your plan), ' +
    `and you can bring someone with you. You can go to ${values.locations}. ` +
    `Pick a time that suits you: ${values.schedulingUrl}`,

  'preventive-outreach.flu-shot.call-to-action': (values) =>
    `Flu season is here. Get your ${values.item} at ${values.locations} this week. Book a time: ${values.schedulingUrl}`,

  'preventive-outreach.colorectal-screening.call-to-action': (values) =>
    `Your ${values.item} ${overdueSentence(values)} ` +
    `Screening finds problems early, when they are easier to treat. You can choose ${values.locations}. ` +
    `Book or order your kit here: ${values.schedulingUrl}`,

  'preventive-outreach.cervical-screening.call-to-action': (values) =>
    `Your ${values.item} ${overdueSentence(values)} ` +
    `It is a short visit and helps prevent cervical cancer. You can go to ${values.locations}. ` +
    `Book a time: ${values.schedulingUrl}`,

  'preventive-outreach.reminder': (values) =>
    `A reminder: your ${values.item} is due. Booking takes a minute: ${values.schedulingUrl}`,

  'preventive-outreach.letter': (values) =>
    `We have tried to reach you about your ${values.item}, which ${overdueClause(values)}. ` +
    `You can book online at ${values.schedulingUrl}, or call your clinic and we will find a time that works for you. ` +
    `You can go to ${values.locations}. If you have already had it somewhere else, please let us know.`,

  'preventive-outreach.rebooking': (values) =>
    `We missed you at your ${values.item} appointment. It is easy to pick a new time: ${values.schedulingUrl}`,

  'preventive-outreach.appointment-reminder': (values) =>
    `Reminder: your ${values.item} appointment is on ${localDateTime(values.appointmentAt, values.timeZone)}. ` +
    `If you cannot come, please change it here: ${values.schedulingUrl}`,
};

function overdueSentence(values: TemplateValues): string {
  return `${overdueClause(values)}.`;
}

/** "is about 3 years overdue", "is about 5 months overdue", or "is due" when unknown or on time. */
function overdueClause(values: TemplateValues): string {
  const months = Number(values.monthsOverdue || '0');
  if (months >= 12) {
    const years = Math.round(months / 12);
    return `is about ${years} ${years === 1 ? 'year' : 'years'} overdue`;
  }
  if (months > 0) return `is about ${months} ${months === 1 ? 'month' : 'months'} overdue`;
  return 'is due';
}
