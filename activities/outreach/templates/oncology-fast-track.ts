import type { OncologyMessageKey } from '../../../workflows/oncology-fast-track/oncology-fast-track.messages';
import type { TemplateSet, TemplateValues } from './template';

/*
 * The next step at each stage of the fast oncology track, in plain language. No diagnosis words:
 * the patient may have chosen SMS, which others can read on a lock screen.
 */

/** A deadline date as the patient reads it: the day only, in their time zone. */
function localDay(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: timeZone ?? 'UTC' }).format(
    new Date(iso),
  );
}

const byDate = (values: TemplateValues, lead: string) =>
  values.lastDayAt ? ` ${lead} ${localDay(values.lastDayAt, values.timeZone)}.` : '';

const coordinatorLine = (values: TemplateValues) =>
  values.coordinator
    ? ` Your care coordinator is ${values.coordinator}: contact them with any questions.`
    : ' Your care team will tell you who your care coordinator is.';

export const oncologyFastTrackTemplates: TemplateSet<OncologyMessageKey> = {
  'oncology-fast-track-waiting-list': (values) =>
    `You are on a fast-track pathway for tests. Your next step is a visit with a specialist.${byDate(values, 'We aim to complete this step by')} We will contact you with the date and time. If you have not heard from us in the next few days, please call us.`,
  'oncology-fast-track-initial-diagnostics': (values) =>
    `Thank you for coming to your specialist visit. Your next step is tests to find out what is causing your symptoms.${byDate(values, 'We aim to give you the results by')} We will contact you with your appointments.`,
  'oncology-fast-track-in-depth-diagnostics': (values) =>
    `Your next step is some more tests, so that your care team can plan the right treatment with you.${byDate(values, 'We aim to finish them by')} We will contact you with your appointments.`,
  'oncology-fast-track-treatment-planning': (values) =>
    `Your tests are complete. Next, a team of specialists will meet to agree a treatment plan for you.${byDate(values, 'We aim to do this by')} We will tell you what they recommend.`,
  'oncology-fast-track-awaiting-treatment': (values) =>
    `Your specialists have agreed your treatment plan.${coordinatorLine(values)} Your next step is the start of your treatment.${byDate(values, 'We aim to start it by')} We will contact you with the date.`,
  'oncology-fast-track-in-treatment': (values) =>
    `Your treatment has started.${coordinatorLine(values)} If you feel unwell or are worried, contact your care team straight away.`,
  'oncology-fast-track-ruled-out': () =>
    'Your tests are complete and you no longer need the fast-track pathway. Your GP will talk with you about the results and any next steps.',
  'oncology-fast-track-treatment-finished': () =>
    'Your treatment on the fast-track pathway is complete. Your care team will contact you about follow-up care.',
};
