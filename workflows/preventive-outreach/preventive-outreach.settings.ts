import { z } from 'zod';
import { channelSetting, escalationPlanSchema } from '../outreach-escalation/escalation-settings';
import { localizedText } from '../outreach-escalation/localized-text';
import type { ScreeningItem } from './preventive-outreach.contract';
import { outreachWordingRoles, preventiveOutreachWordingKeys } from './preventive-outreach.messages';
import { screeningTestIds, screeningTests, type ScreeningTestId } from './screening-value-sets';

/*
 * Program settings of preventive outreach. Cadence, channels and wording are tunable defaults
 * (brief, "Preventive screening outreach"); screening intervals cite USPSTF, CDC and Medicare.
 * The demo scheduling links and locations are placeholders every program replaces.
 */

const wordingKey = z.enum(preventiveOutreachWordingKeys);

interface ItemDefaults {
  /** How the settings screen names the item. */
  title: string;
  label: string;
  firstChannel: z.output<typeof channelSetting>;
  callToAction: z.output<typeof wordingKey>;
  schedulingUrl: string;
  locations: string;
  intervalMonths: number;
  intervalSource: string;
}

const itemDefaults: Record<ScreeningItem, ItemDefaults> = {
  mammogram: {
    title: 'Mammogram',
    label: 'mammogram',
    firstChannel: 'email',
    callToAction: 'preventive-outreach.mammogram.call-to-action',
    schedulingUrl: 'https://scheduling.example.org/mammogram',
    locations: 'Main Street Imaging Center (open Saturdays) and the Riverside Health mobile screening van',
    intervalMonths: 24,
    intervalSource: 'USPSTF 2024: every 2 years, age 40-74.',
  },
  'flu-shot': {
    title: 'Flu shot',
    label: 'flu shot',
    firstChannel: 'sms',
    callToAction: 'preventive-outreach.flu-shot.call-to-action',
    schedulingUrl: 'https://scheduling.example.org/flu-shot',
    locations: 'your local pharmacy',
    intervalMonths: 12,
    intervalSource: 'CDC via immunize.org: yearly, offered September-October.',
  },
  'annual-visit': {
    title: 'Yearly check-up',
    label: 'yearly check-up',
    firstChannel: 'email',
    callToAction: 'preventive-outreach.annual-visit.call-to-action',
    schedulingUrl: 'https://scheduling.example.org/primary-care',
    locations: 'Riverside Family Medicine and Oak Street Primary Care, both taking new patients',
    intervalMonths: 12,
    intervalSource: 'Medicare annual wellness visit: every 12 months.',
  },
  'colorectal-screening': {
    title: 'Colorectal cancer screening',
    label: 'colorectal cancer screening',
    firstChannel: 'email',
    callToAction: 'preventive-outreach.colorectal-screening.call-to-action',
    schedulingUrl: 'https://scheduling.example.org/colorectal-screening',
    locations: 'any of our clinics, or a test kit mailed to your home',
    intervalMonths: 120,
    intervalSource:
      'USPSTF 2021: age 45-75; the longest of its tests (colonoscopy every 10 years), so an unknown test never reads as more overdue than it is.',
  },
  'cervical-screening': {
    title: 'Cervical screening',
    label: 'cervical screening',
    firstChannel: 'email',
    callToAction: 'preventive-outreach.cervical-screening.call-to-action',
    schedulingUrl: 'https://scheduling.example.org/cervical-screening',
    locations: "any of our primary care clinics or women's health clinics",
    intervalMonths: 60,
    intervalSource:
      'USPSTF 2018: the longest of its tests (HPV testing every 5 years from 30), so an unknown test never reads as more overdue than it is.',
  },
};

function itemSettings(item: ScreeningItem) {
  const defaults = itemDefaults[item];
  return z
    .object({
      label: localizedText(z, z.string().min(1).max(80))
        .default(defaults.label)
        .meta({ title: 'Name in messages' })
        .describe(
          'How messages name the item (tunable default); per language, or one text in the default language.',
        ),
      firstChannel: channelSetting
        .default(defaults.firstChannel)
        .meta({ title: 'First channel' })
        .describe(
          "Channel of the call to action and of escalation steps on the 'default' channel (tunable default, brief).",
        ),
      callToAction: wordingKey
        .default(defaults.callToAction)
        .meta({ title: 'Call-to-action wording' })
        .describe('Wording of the tailored call to action (seed scenario, Bucher 2023).'),
      schedulingUrl: z
        .url({ protocol: /^https$/ })
        .default(defaults.schedulingUrl)
        .meta({ title: 'Scheduling link' })
        .describe("Online scheduling link (demo default: replace with the program's own)."),
      locations: localizedText(z, z.string().min(1).max(300))
        .default(defaults.locations)
        .meta({ title: 'Where to go' })
        .describe(
          "Where the patient can go, as the messages say it (demo default: replace); per language, or one text in the program's default language.",
        ),
      intervalMonths: z
        .number()
        .int()
        .min(1)
        .max(240)
        .default(defaults.intervalMonths)
        .meta({ title: 'Interval when the test is unknown', unit: 'months' })
        .describe(
          `Months between screenings when the record does not say which test was done, to say how overdue the item is (the test's own interval, testIntervalMonths, when it does). ${defaults.intervalSource}`,
        ),
    })
    .strict()
    .default(itemDefaultValues(item))
    .meta({ title: defaults.title })
    .describe(`Settings for the ${defaults.label}.`);
}

const escalationRoles = escalationPlanSchema(outreachWordingRoles);

/** Months each kind of test keeps a patient up to date: sourced where the brief fixes it, else a tunable default. */
const testIntervalMonths = z
  .object(
    Object.fromEntries(
      screeningTestIds.map((id) => [
        id,
        z
          .number()
          .int()
          .min(1)
          .max(240)
          .default(screeningTests[id].validForMonths)
          .meta({ title: capitalized(screeningTests[id].label), unit: 'months' })
          .describe(`${screeningTests[id].label}: ${screeningTests[id].intervalSource}`),
      ]),
    ) as Record<ScreeningTestId, z.ZodDefault<z.ZodNumber>>,
  )
  .strict()
  .default(
    Object.fromEntries(screeningTestIds.map((id) => [id, screeningTests[id].validForMonths])) as Record<
      ScreeningTestId,
      number
    >,
  )
  .meta({ title: 'Months each test keeps a patient up to date' })
  .describe(
    'Months a test keeps the patient up to date, per test done: the overdue wording and whether a screening recorded in the EHR still covers the patient follow from it.',
  );

export const preventiveOutreachSettings = z
  .object({
    items: z
      .object({
        mammogram: itemSettings('mammogram'),
        'flu-shot': itemSettings('flu-shot'),
        'annual-visit': itemSettings('annual-visit'),
        'colorectal-screening': itemSettings('colorectal-screening'),
        'cervical-screening': itemSettings('cervical-screening'),
      })
      .strict()
      .default({
        mammogram: itemDefaultValues('mammogram'),
        'flu-shot': itemDefaultValues('flu-shot'),
        'annual-visit': itemDefaultValues('annual-visit'),
        'colorectal-screening': itemDefaultValues('colorectal-screening'),
        'cervical-screening': itemDefaultValues('cervical-screening'),
      })
      .meta({ title: 'Screening items' })
      .describe('Per screening item: channel, tailored wording, scheduling link, locations and interval.'),
    testIntervalMonths,
    wording: z
      .object({
        reminder: wordingKey
          .default('preventive-outreach.reminder')
          .meta({ title: 'Reminder wording' })
          .describe('Short follow-up reminder (tunable default).'),
        letter: wordingKey
          .default('preventive-outreach.letter')
          .meta({ title: 'Letter wording' })
          .describe('The letter (tunable default).'),
        rebooking: wordingKey
          .default('preventive-outreach.rebooking')
          .meta({ title: 'Rebooking wording' })
          .describe('Rebooking after a missed appointment (tunable default).'),
        appointmentReminder: wordingKey
          .default('preventive-outreach.appointment-reminder')
          .meta({ title: 'Appointment reminder wording' })
          .describe('Reminder before a booked appointment (tunable default).'),
      })
      .strict()
      .default({
        reminder: 'preventive-outreach.reminder',
        letter: 'preventive-outreach.letter',
        rebooking: 'preventive-outreach.rebooking',
        appointmentReminder: 'preventive-outreach.appointment-reminder',
      })
      .meta({ title: 'Shared wordings' })
      .describe('Wordings shared by every item.'),
    escalation: escalationRoles
      .default({
        steps: [
          { afterDays: 0, action: 'message', channel: 'default', wording: 'call-to-action' },
          { afterDays: 3, action: 'message', channel: 'sms', wording: 'reminder' },
          { afterDays: 7, action: 'staff-call', priority: 'routine', dueWithinHours: 72 },
          { afterDays: 30, action: 'message', channel: 'letter', wording: 'letter' },
        ],
        closeAfterDays: 45,
      })
      .meta({ title: 'Outreach escalation plan' })
      .describe(
        'Outreach until something is booked (tunable default, brief: day 0 email/portal, day 3 SMS, day 7-10 staff phone ' +
          'call, day 30 letter; phone or enhanced reminders +15.5 points of uptake vs +4.5 for a letter, Community Guide).',
      ),
    rebookingEscalation: escalationRoles
      .default({
        steps: [
          { afterDays: 0, action: 'message', channel: 'sms', wording: 'rebooking' },
          { afterDays: 0, action: 'message', channel: 'email', wording: 'rebooking' },
          { afterDays: 2, action: 'staff-call', priority: 'urgent', dueWithinHours: 24 },
          { afterDays: 14, action: 'message', channel: 'letter', wording: 'letter' },
        ],
        closeAfterDays: 30,
      })
      .meta({ title: 'Escalation after a missed appointment' })
      .describe(
        'Outreach after a no-show: faster, with the staff call sooner and urgent (tunable default; a prior no-show ' +
          'has ~4.4x the odds of another, brief).',
      ),
    reminderLeadHours: z
      .number()
      .int()
      .min(24)
      .max(72)
      .default(48)
      .meta({ title: 'Reminder lead time', unit: 'hours' })
      .describe(
        'Hours before a booked appointment that the reminder goes out (tunable default: 24/48/72 h made no difference).',
      ),
    outcomeCheckAfterHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(48)
      .meta({ title: 'Attendance check after the appointment', unit: 'hours' })
      .describe(
        'Hours after the appointment, with no attended or no-show news, before staff are asked to check (tunable default).',
      ),
  })
  .strict();

function itemDefaultValues(item: ScreeningItem): Omit<ItemDefaults, 'intervalSource' | 'title'> {
  const { intervalSource: _source, title: _title, ...values } = itemDefaults[item];
  return values;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type PreventiveOutreachSettings = z.output<typeof preventiveOutreachSettings>;
export type ScreeningItemSettings = PreventiveOutreachSettings['items'][ScreeningItem];
